"""Field-level problems: the plan models' validation errors, told in Italian.

pydantic reports every structural error of a file at once; each becomes a finding with
its YAML path, so a user fixes them all in one pass.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from incas_cli.checks.findings import Finding, Loc, error
from incas_cli.formats import MONTH_NAMES
from incas_cli.messages import checks as msg
from incas_cli.models import Plan

_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_PROVINCE = r"^[A-Z]{2}$"
_ACTOR_REFERENCES = frozenset(
    ("from", "to", "coordinator", "members", "lead", "partners", "participants")
)
"""Keys whose values are stakeholder ids."""

_PATTERN_DETAILS = {
    _SLUG: msg.DETAIL_SLUG,
    r"^[A-Za-z0-9][A-Za-z0-9_.-]*$": msg.DETAIL_ITEM_ID,
    r"^\d{6}$": msg.DETAIL_ISTAT,
    _PROVINCE: msg.DETAIL_PROVINCE,
    r"^[A-Za-z0-9]{1,3}$": msg.DETAIL_ANNEX,
    r"^\d{4}-(0[1-9]|1[0-2])$": msg.DETAIL_MONTH,
}


_SCORES = frozenset(("power", "interest", "severity", "urgency"))
"""The 1-5 scores of the plan (the power/interest grid, a need's priority)."""

_PRIVATE = "contact"
"""The key whose values are personal data (internal edition only)."""

_SIMPLE_DETAILS = {
    "string_type": msg.DETAIL_STRING,
    "string_too_short": msg.DETAIL_STRING_EMPTY,
    "int_type": msg.DETAIL_INT,
    "int_parsing": msg.DETAIL_INT,
    "int_from_float": msg.DETAIL_INT,
    "decimal_type": msg.DETAIL_NUMBER,
    "decimal_parsing": msg.DETAIL_NUMBER,
    "float_type": msg.DETAIL_NUMBER,
    "float_parsing": msg.DETAIL_NUMBER,
    "finite_number": msg.DETAIL_FINITE,
    "decimal_max_digits": msg.DETAIL_DIGITS,
    "decimal_whole_digits": msg.DETAIL_DIGITS,
    "bool_type": msg.DETAIL_BOOL,
    "bool_parsing": msg.DETAIL_BOOL,
    "list_type": msg.DETAIL_LIST,
    "date_type": msg.DETAIL_DATE,
    "date_parsing": msg.DETAIL_DATE,
    "date_from_datetime_parsing": msg.DETAIL_DATE,
    "date_from_datetime_inexact": msg.DETAIL_DATE,
}


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``X | None``, ``list[X]``, ``Annotated[X, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _field_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def model_at(loc: Loc, root: type[BaseModel] = Plan) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` of a ``root`` file (the plan,
    or another file's model such as the monitoring report); None if not a model."""
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = next(
            (f for name, f in model.model_fields.items() if (f.alias or name) == part), None
        )
        if field is None:
            return None
        model = _model_in(field.annotation)
    return model


def allowed_keys(loc: Loc, root: type[BaseModel] = Plan) -> list[str]:
    model = model_at(loc, root)
    return _field_keys(model) if model is not None else []


def suggest(value: str, choices: Iterable[str]) -> str | None:
    """The choice ``value`` was probably meant to be: the same word in another case first
    (``n1`` for ``N1``, too short for difflib's ratio to find), else the closest."""
    known = list(choices)
    folded = value.casefold()
    same = next((choice for choice in known if choice.casefold() == folded), None)
    if same is not None:
        return same
    matches = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return matches[0] if matches else None


# Characters that show nothing (or a space) and make a key or an id differ from how it
# looks: zero-width spaces and joiners, a BOM left inside the file, a soft hyphen,
# non-breaking spaces. Pasted with text from web pages and documents.
_INVISIBLE = re.compile("[\u00a0\u00ad\u2007\u200b-\u200f\u202f\u2060-\u2064\ufeff]")


def _invisible(text: str) -> str | None:
    """The invisible characters of ``text`` as codes (``U+200B, U+FEFF``), or None."""
    codes = sorted({f"U+{ord(c):04X}" for c in _INVISIBLE.findall(text)})
    return ", ".join(codes) if codes else None


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _detail(err: ErrorDetails, root: type[BaseModel] = Plan) -> tuple[str, str | None]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind in ("int_parsing", "int_type") and "actions" in err["loc"]:
        return msg.DETAIL_ACTION_NUMBER, None
    if kind == "int_parsing" and isinstance(value, str) and value.strip().endswith("%"):
        return msg.DETAIL_PERCENT, None
    months = "peak_months" in err["loc"] or err["loc"][-2:-1] == ("months",)
    if months and kind in ("int_parsing", "int_type"):
        name = str(value).strip().lower()
        if name not in MONTH_NAMES:
            name = MONTH_NAMES[6]
        example = msg.MONTH_NUMBER_EXAMPLE.format(name=name, number=MONTH_NAMES.index(name) + 1)
        return msg.DETAIL_MONTH_NUMBER.format(example=example), None
    if kind in ("date_parsing", "date_from_datetime_parsing") and _impossible_day(value):
        return msg.DETAIL_NO_SUCH_DAY.format(value=value), None
    written = _italian_date(value) if kind.startswith("date_") else None
    if written is not None:  # «15/01/2026»: the file writes 2026-01-15
        return msg.DETAIL_DATE_AS.format(value=value, date=written), None
    if kind == "list_type" and _one_value(value, _scalar_list(tuple(err["loc"]), root)):
        return msg.DETAIL_LIST_OF_ONE.format(value=_short(value)), None  # «actions: 5»
    score = bool(err["loc"]) and err["loc"][-1] in _SCORES
    if score and kind in ("int_parsing", "int_type", "int_from_float"):
        return msg.DETAIL_SCORE, None  # «severity: 5.5»: a score, not a count
    if kind == "string_type" and isinstance(value, list | dict) and err["loc"]:
        # a draft's example uncommented under a key left empty («reporting:»)
        detail = (
            msg.DETAIL_STRING_NOT_LIST if isinstance(value, list) else msg.DETAIL_STRING_NOT_MAPPING
        )
        return detail, msg.DETAIL_STRING_NESTED_HINT.format(key=err["loc"][-1])
    if kind in _SIMPLE_DETAILS:
        return _SIMPLE_DETAILS[kind], None
    private = _PRIVATE in err["loc"]  # personal data: never repeated in messages or JSON
    shown = msg.PRIVATE_VALUE if private else _short(value)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if private:
            return msg.DETAIL_MAPPING_PRIVATE, None
        return msg.DETAIL_MAPPING.format(value=shown), None
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern"))
        template = _PATTERN_DETAILS.get(pattern, msg.DETAIL_OTHER)
        reference = pattern == _SLUG and not _ACTOR_REFERENCES.isdisjoint(err["loc"])
        if reference:
            return template.format(value=shown), msg.ACTOR_REFERENCE_HINT
        # «type: Comune», «province: lt»: the right value but for its case
        recased = {_SLUG: str.lower, _PROVINCE: str.upper}.get(pattern, str)(str(value).strip())
        if not private and recased != value and re.fullmatch(pattern, recased):
            return template.format(value=shown), msg.DETAIL_CHOICE_SUGGEST.format(
                suggestion=recased
            )
        return template.format(value=shown), None
    if kind == "string_too_long":
        return msg.DETAIL_STRING_LONG.format(max_length=ctx.get("max_length")), None
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'|(\d+)", str(ctx.get("expected", "")))
        names = [a or b for a, b in allowed]
        detail = msg.DETAIL_CHOICE.format(value=shown, allowed=", ".join(names))
        close = None if private else suggest(str(value), names)
        return detail, msg.DETAIL_CHOICE_SUGGEST.format(suggestion=close) if close else None
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        if score:
            return msg.DETAIL_SCORE, None
        return msg.DETAIL_GE.format(limit=limit), None
    if kind in ("less_than_equal", "less_than"):
        if score:
            return msg.DETAIL_SCORE, None
        return msg.DETAIL_LE.format(limit=ctx.get("le", ctx.get("lt"))), None
    if kind == "decimal_max_places":
        return msg.DETAIL_DECIMALS.format(limit=ctx.get("decimal_places")), None
    if kind == "value_error":
        return str(ctx.get("error", "")), None
    return msg.DETAIL_OTHER.format(value=shown), None


def _one_value(value: Any, item: type | None) -> bool:
    """A value of the list's own kind where the list goes (``actions: 5``, ``needs: N1``):
    a number for a list of numbers, a short word for a list of ids."""
    if item is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if item is str:
        return isinstance(value, str) and bool(re.fullmatch(r"[\w.-]{1,20}", value.strip()))
    return False


def _scalar_list(loc: tuple[Any, ...], root: type[BaseModel]) -> type | None:
    """The type of the items (``int`` or ``str``) when the field at ``loc`` of the plan is
    a list of plain values (numbers, ids, months), not of sections (budget lines): only
    then is ``[5]`` the fix."""
    clean = _clean_loc(loc)
    if not clean or not isinstance(clean[-1], str):
        return None
    parent = model_at(clean[:-1], root)
    if parent is None:
        return None
    field = next(
        (f for name, f in parent.model_fields.items() if (f.alias or name) == clean[-1]), None
    )
    if field is None or _model_in(field.annotation) is not None:
        return None
    return _item_type(field.annotation)


def _item_type(annotation: Any) -> type | None:
    """``int`` for ``list[Annotated[int, ...]] | None``, ``str`` for ``list[str]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _item_type(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        found = [t for a in typing.get_args(annotation) if (t := _item_type(a)) is not None]
        return found[0] if found else None
    if origin is list:
        (item,) = typing.get_args(annotation) or (None,)
        if typing.get_origin(item) is typing.Annotated:
            item = typing.get_args(item)[0]
        return item if item in (int, str) else None
    return None


def _italian_date(value: Any) -> str | None:
    """``15/01/2026``, ``15-1-2026``, ``15.01.2026`` -> ``2026-01-15`` (a day that
    exists), else None."""
    import datetime as dt

    found = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", str(value).strip())
    if found is None:
        return None
    try:
        return dt.date(int(found[3]), int(found[2]), int(found[1])).isoformat()
    except ValueError:
        return None


def _impossible_day(value: Any) -> bool:
    """``2023-02-30``: the shape of a date, with a day its month does not have."""
    import datetime as dt

    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    year, month, day = (int(part) for part in value.split("-"))
    try:
        dt.date(year, month, day)
    except ValueError:
        return True
    return False


def _clean_loc(loc: tuple[str | int, ...]) -> Loc:
    # pydantic inserts function names for some validators ("function-before[...]")
    return tuple(p for p in loc if not (isinstance(p, str) and "[" in p and "]" in p))


def findings_from_validation_error(
    exc: ValidationError,
    root: type[BaseModel] = Plan,
    schema_command: str = msg.SCHEMA_COMMAND_PLAN,
) -> list[Finding]:
    """Every error of ``exc`` as a finding; ``root`` is the model of the whole file (for the
    keys allowed where an unknown one was found), ``schema_command`` the command that prints
    its JSON Schema (named in the hints)."""
    found: list[Finding] = []
    for err in exc.errors(include_url=False):
        loc = _clean_loc(tuple(err["loc"]))
        kind = err["type"]
        name = str(loc[-1]) if loc else ""
        if kind == "missing":
            found.append(
                error(
                    "MISSING_FIELD",
                    loc,
                    msg.MISSING_FIELD.format(field=name),
                    msg.MISSING_FIELD_HINT.format(field=name, schema=schema_command),
                )
            )
        elif kind == "extra_forbidden":
            allowed = allowed_keys(loc[:-1], root)
            codes = _invisible(name)
            written = _INVISIBLE.sub("", name) if codes else name
            close = suggest(written, allowed)
            if codes and written in allowed:
                hint = msg.UNKNOWN_KEY_INVISIBLE_HINT.format(key=written)
            elif close:
                hint = msg.UNKNOWN_KEY_HINT_SUGGEST.format(suggestion=close)
            elif allowed:
                hint = msg.UNKNOWN_KEY_HINT_LIST.format(allowed=", ".join(allowed))
            else:
                hint = msg.UNKNOWN_KEY_HINT_EMPTY.format(key=name)
            message = (
                msg.UNKNOWN_KEY_INVISIBLE.format(key=written, codes=codes)
                if codes
                else msg.UNKNOWN_KEY.format(key=name)
            )
            found.append(error("UNKNOWN_KEY", loc, message, hint, key=True))
        elif kind == "invalid_key":
            # ``{amount: 95000,50}``: YAML reads ``50`` as a key of its own
            found.append(
                error(
                    "UNKNOWN_KEY",
                    loc,
                    msg.NUMBER_KEY.format(key=name),
                    msg.NUMBER_KEY_HINT.format(key=name),
                    key=True,
                )
            )
        else:
            detail, detail_hint = _detail(err, root)
            value = err.get("input")
            codes = _invisible(value) if isinstance(value, str) else None
            if codes:
                detail = msg.INVISIBLE_IN_VALUE.format(detail=detail, codes=codes)
                detail_hint = msg.INVISIBLE_IN_VALUE_HINT
            found.append(
                error(
                    "INVALID_VALUE",
                    loc,
                    msg.INVALID_VALUE.format(detail=detail),
                    detail_hint or msg.INVALID_VALUE_HINT_SCHEMA.format(schema=schema_command),
                )
            )
    return found


def parse_plan(data: Any) -> tuple[Plan | None, list[Finding]]:
    """Validate plain data against the v1 model; never raises for user data."""
    try:
        return Plan.model_validate(data), []
    except ValidationError as exc:
        return None, findings_from_validation_error(exc)
