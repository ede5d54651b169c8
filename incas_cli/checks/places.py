"""Rules on places: the Comune and its partner Comuni in ISTAT's list (name, code, province
and region agree), with suggestions for a misspelled name or code."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from incas_cli import formats
from incas_cli.checks.findings import Finding, Loc, error
from incas_cli.messages import checks as msg

if TYPE_CHECKING:
    from incas_cli.checks.rules import RuleContext


def fold(text: str) -> str:
    """A name compared without case, spaces or punctuation (``Friuli Venezia Giulia``)."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def istat_list_date() -> str:
    """The day the packaged ISTAT list is as of: a Comune created or merged since is not
    there, one merged since is (a plan's Comune is checked against today's list)."""
    from incas_cli.catalog import comuni_source

    return formats.long_date(comuni_source().data_day)


def _comune_names(records: Iterable[object]) -> str:
    return " o ".join(f"{r.name} ({r.istat_code})" for r in records)  # type: ignore[attr-defined]


def _check_comune(ctx: RuleContext, name: str, code: str | None, loc: Loc) -> Iterator[Finding]:
    comuni = ctx.comuni
    by_name = comuni.by_name(name)
    if code is not None:
        record = comuni.by_code(code)
        if record is None:
            suggestions = by_name or comuni.suggest(code)
            yield error(
                "UNKNOWN_ISTAT_CODE",
                (*loc, "istat_code"),
                msg.UNKNOWN_ISTAT_CODE.format(code=code, date=istat_list_date()),
                msg.ISTAT_CODE_HINT.format(suggestions=_comune_names(suggestions[:3]))
                if suggestions
                else msg.ISTAT_CODE_HINT_NONE,
            )
            return
        if not by_name:
            # a misspelled name with a good code: the name is what needs fixing
            yield error(
                "UNKNOWN_COMUNE",
                (*loc, "name"),
                msg.UNKNOWN_COMUNE_WITH_CODE.format(name=name, code=code, actual=record.name),
                msg.UNKNOWN_COMUNE_HINT_SUGGEST.format(suggestions=_comune_names([record])),
            )
            return
        if record not in by_name:  # the name is known (above): its Comuni are the hint
            yield error(
                "ISTAT_CODE_MISMATCH",
                (*loc, "istat_code"),
                msg.ISTAT_CODE_MISMATCH.format(code=code, actual=record.name, name=name),
                msg.ISTAT_CODE_HINT.format(suggestions=_comune_names(by_name[:3])),
            )
        return
    if not by_name:
        suggestions = comuni.suggest(name)
        yield error(
            "UNKNOWN_COMUNE",
            (*loc, "name"),
            msg.UNKNOWN_COMUNE.format(name=name, date=istat_list_date()),
            msg.UNKNOWN_COMUNE_HINT_SUGGEST.format(suggestions=_comune_names(suggestions[:3]))
            if suggestions
            else msg.UNKNOWN_COMUNE_HINT,
        )


def comune_in_istat_list(ctx: RuleContext) -> Iterator[Finding]:
    c = ctx.plan.comune
    findings = list(_check_comune(ctx, c.name, c.istat_code, ("comune",)))
    yield from findings
    if not findings:
        record = ctx.comuni.by_code(c.istat_code) if c.istat_code else None
        if record is None:
            matches = ctx.comuni.by_name(c.name)
            record = matches[0] if len(matches) == 1 else None
        if record is not None:
            if c.province and c.province != record.province:
                yield error(
                    "PROVINCE_MISMATCH",
                    ("comune", "province"),
                    msg.PROVINCE_MISMATCH.format(
                        name=record.name, expected=record.province, value=c.province
                    ),
                    msg.TERRITORY_HINT.format(key="province", expected=record.province),
                )
            if c.region and fold(c.region) != fold(record.region):
                yield error(
                    "REGION_MISMATCH",
                    ("comune", "region"),
                    msg.REGION_MISMATCH.format(
                        name=record.name, expected=record.region, value=c.region
                    ),
                    msg.TERRITORY_HINT.format(key="region", expected=record.region),
                )
    for i, partner in enumerate(c.partners):
        yield from _check_comune(ctx, partner.name, partner.istat_code, ("comune", "partners", i))
