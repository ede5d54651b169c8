"""Checking an answer with the same models and rules as ``incas plan validate``.

A field is checked by pydantic's own validator for that field of the plan model
(``validate_assignment`` on an empty instance: constraints, coercion and field
validators, nothing else), and its error is told with the validator's Italian wording.
Rules that relate fields (a measure inside the plan period, an end after its start)
are checked by running :func:`incas_cli.checks.check_data` on the partial plan with the
candidate value in place and keeping the blocking findings at that value's place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from incas_cli.checks import Finding, check_data
from incas_cli.checks.structure import findings_from_validation_error

_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_ITALIAN_DECIMAL = re.compile(r"^\d+,\d+$")


def check_field(model: type[BaseModel], field: str, value: Any) -> tuple[Any, str | None]:
    """``(value as the model stores it, None)`` or ``(None, Italian message)``."""
    try:
        # not strict: an answer is text, and "350" is the whole number a plan file writes 350
        instance = model.__pydantic_validator__.validate_assignment(
            model.model_construct(), field, value, strict=False
        )
    except ValidationError as exc:
        found = findings_from_validation_error(exc)
        return None, found[0].message if found else str(exc)
    return getattr(instance, field), None


def field_type(model: type[BaseModel], field: str) -> Any:
    """The type of a model's field without its ``None`` (``Count | None`` -> ``Count``)."""
    import typing

    annotation = model.model_fields[field].annotation
    kept = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is not typing.Annotated and len(kept) == 1:
        return kept[0]
    return annotation


def whole_number_field(model: type[BaseModel], field: str) -> bool:
    """Whether the model's ``field`` holds a whole number (a count, a year)."""
    import typing

    kind = field_type(model, field)
    if typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    return kind is int


def percent_field(model: type[BaseModel], field: str) -> bool:
    """Whether «30%» may answer the model's ``field``: a quantity (an indicator's target,
    a figure), never a count of people or an amount of money."""
    from incas_cli.models.plan import Quantity

    return bool(field_type(model, field) == Quantity)


def italian_number(text: str) -> str:
    """``1.200`` -> ``1200`` and ``150.000,50`` -> ``150000.50``; anything else unchanged.

    Italians group thousands with a dot and write decimals after a comma; the plan file
    wants plain digits and a decimal point. Only the unambiguous Italian forms are
    rewritten, so ``1.5`` stays one and a half.
    """
    compact = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if _THOUSANDS.match(compact):
        return compact.replace(".", "").replace(",", ".")
    if _ITALIAN_DECIMAL.match(compact):
        return compact.replace(",", ".")
    return text.strip()


def blocking_at(
    plain_plan: Any, locs: Sequence[tuple[str | int, ...]], codes: Sequence[str] = ()
) -> str | None:
    """The first blocking finding of the partial plan at one of ``locs`` (message), if any."""
    _, findings = check_data(plain_plan)
    for finding in findings:
        if _matches(finding, locs, codes):
            return finding.message
    return None


def _matches(finding: Finding, locs: Sequence[tuple[str | int, ...]], codes: Sequence[str]) -> bool:
    if not finding.blocking:
        return False
    if codes and finding.code not in codes:
        return False
    return tuple(finding.loc) in {tuple(loc) for loc in locs}
