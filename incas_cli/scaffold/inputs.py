"""What ``plan init`` starts from: the Comune, the period, the target file, the source plan."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from incas_cli.errors import InputError, UsageError
from incas_cli.formats import shell_word
from incas_cli.messages import staff as msg

if TYPE_CHECKING:
    from incas_cli.catalog import ComuneRecord, ComuniIndex
    from incas_cli.models import Plan, YearMonth


_CODE = re.compile(r"^\d{1,6}$")
_WITH_PROVINCE = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<sigla>[A-Za-z]{2})\s*\)$")
_PERIOD = re.compile(r"^\s*(?P<start>[^:/\s]+)\s*[:/]\s*(?P<end>[^:/\s]+)\s*$")


_SUGGESTIONS = 3


# --- the Comune and the period ------------------------------------------------------------


def istat_list_date() -> str:
    """The day of the packaged ISTAT list (see :func:`incas_cli.checks.places.istat_list_date`)."""
    from incas_cli.checks.places import istat_list_date as list_date

    return list_date()


def resolve_comune(text: str, comuni: ComuniIndex | None = None) -> ComuneRecord:
    """The Comune a user means by a name, ``Nome (SIGLA)`` or an ISTAT code.

    Unknown -> ``UsageError`` with "forse intendevi ..." suggestions; a name shared by
    Comuni of different provinces -> ``UsageError`` asking for the ISTAT code.
    """
    if comuni is None:
        from incas_cli.catalog import load_comuni

        comuni = load_comuni()
    text = " ".join(text.split())
    if not text:
        raise UsageError(msg.COMUNE_EMPTY, hint=msg.COMUNE_EMPTY_HINT)
    if _CODE.match(text):
        code = text.zfill(6)
        record = comuni.by_code(code)
        if record is None:
            raise UsageError(
                msg.UNKNOWN_COMUNE_CODE.format(text=code, date=istat_list_date()),
                hint=_suggestion_hint(comuni.suggest(code, _SUGGESTIONS)),
            )
        return record
    sigla = None
    name = text
    match = _WITH_PROVINCE.match(text)
    if match:
        name, sigla = match["name"], match["sigla"].upper()
    found = comuni.by_name(name)
    if sigla is not None and found:
        in_province = [r for r in found if r.province == sigla]
        if not in_province:
            raise UsageError(
                msg.COMUNE_IN_OTHER_PROVINCE.format(name=name, province=sigla),
                hint=_suggestion_hint(found),
            )
        found = in_province
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UsageError(
            msg.AMBIGUOUS_COMUNE.format(
                text=name,
                choices=msg.OR.join(
                    msg.COMUNE_CHOICE.format(
                        name=r.name, province=r.province, region=r.region, code=r.istat_code
                    )
                    for r in found
                ),
            ),
            hint=msg.AMBIGUOUS_COMUNE_HINT.format(
                code=found[0].istat_code, example=f"{found[0].name} ({found[0].province})"
            ),
        )
    raise UsageError(
        msg.UNKNOWN_COMUNE.format(text=name, date=istat_list_date()),
        hint=_suggestion_hint(comuni.suggest(name, _SUGGESTIONS)),
    )


def _suggestion_hint(records: Sequence[ComuneRecord]) -> str:
    if not records:
        return msg.UNKNOWN_COMUNE_NO_SUGGESTION_HINT
    shown = msg.OR.join(
        msg.SUGGESTION.format(name=r.name, province=r.province, code=r.istat_code) for r in records
    )
    return msg.UNKNOWN_COMUNE_HINT.format(suggestions=shown)


def parse_period(text: str) -> tuple[YearMonth, YearMonth]:
    """``"2025-01:2027-12"`` -> ``("2025-01", "2027-12")``; ``UsageError`` otherwise."""
    from incas_cli.models.month import as_month

    match = _PERIOD.match(text)
    start = as_month(match["start"]) if match else None
    end = as_month(match["end"]) if match else None
    if start is None or end is None:
        raise UsageError(msg.BAD_PERIOD.format(text=text), hint=msg.BAD_PERIOD_HINT)
    if end < start:
        raise UsageError(
            msg.PERIOD_REVERSED.format(start=start, end=end),
            hint=msg.PERIOD_REVERSED_HINT.format(start=start, end=end),
        )
    return start, end


def check_target(path: Path, *, force: bool) -> None:
    """Refuse early (before any work) a target that is not a plan file name or exists."""
    from incas_cli.errors import OutputExistsError
    from incas_cli.messages import io as io_msg

    if path.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(
            msg.NOT_A_PLAN_NAME,
            hint=msg.NOT_A_PLAN_NAME_HINT.format(suggestion=path.with_suffix(".yaml").name),
            file=str(path),
        )
    if not force and (path.exists() or path.is_symlink()):
        raise OutputExistsError(
            io_msg.OUTPUT_EXISTS, hint=io_msg.OUTPUT_EXISTS_HINT, file=str(path)
        )


def load_source(path: Path) -> Plan:
    """The plan whose structure ``--from`` copies; it must at least have a valid structure."""
    from incas_cli.checks import check_document
    from incas_cli.io import read_yaml

    result = check_document(read_yaml(path))
    if result.plan is None:
        first = result.errors[0]
        where = f"{first.file}:{first.line}:{first.column}"
        shown = (
            f"{where} {first.path}: {first.message}" if first.path else f"{where} {first.message}"
        )
        raise InputError(
            msg.SOURCE_INVALID.format(first=shown),
            hint=msg.SOURCE_INVALID_HINT.format(path=shell_word(path)),
            file=str(path),
        )
    return result.plan
