"""The comparison as typed tables: values, not text (amounts as ``Decimal``, counts as
``int``), so that the document formats them the Italian way and the XLSX keeps numbers
as numbers. Both outputs read these tables: they cannot disagree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from incas_cli.compare.spill import flattened, mapped
from incas_cli.export.tables import FieldType, Row
from incas_cli.messages import compare as msg

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.compare import Comparison, PlanRow

_ZERO = Decimal(0)


@dataclass(frozen=True)
class CompareColumn:
    header: str
    type: FieldType = "string"
    heat: bool = False
    """A coverage cell: ``principale``, ``secondaria`` or empty (a heat-map column)."""


@dataclass(frozen=True)
class CompareTable:
    sheet: str
    """The XLSX sheet's name (at most 31 characters)."""
    title: str
    columns: tuple[CompareColumn, ...]
    rows: Sequence[Row]
    """A tuple, or for the tables with a row per plan rows read again from the
    comparison's files on every pass (:class:`~incas_cli.compare.spill.Replay`)."""
    total: Row | None = None


def _coverage(value: str | None) -> str | None:
    if value == "primary":
        return msg.COVERED_PRIMARY
    if value == "secondary":
        return msg.COVERED_SECONDARY
    return None


def comparison_tables(comparison: Comparison, catalog: Catalog) -> dict[str, CompareTable]:
    """Every table of the comparison, by chapter key."""
    from incas_cli.messages.render import STATUSES

    national = catalog.require_national_plan(comparison.national_plan)
    plans = comparison.plans
    money = CompareColumn(msg.COL_BUDGET, "number")
    tables: dict[str, CompareTable] = {}
    tables["plans"] = CompareTable(
        "piani",
        msg.T_PLANS,
        (
            CompareColumn(msg.COL_COMUNE),
            CompareColumn(msg.COL_PROVINCE),
            CompareColumn(msg.COL_REGION),
            CompareColumn(msg.COL_STATUS),
            CompareColumn(msg.COL_PERIOD),
            money,
            CompareColumn(msg.COL_MEASURES, "integer"),
        ),
        mapped(
            plans,
            lambda p: (
                p.comune,
                p.province,
                p.region,
                STATUSES.get(p.status, p.status),
                p.period,
                p.total,
                p.measures,
            ),
        ),
        (msg.TOTAL, None, None, None, None, comparison.total, comparison.measures),
    )
    numbers = [a.number for a in national.actions]
    tables["actions"] = CompareTable(
        "azioni",
        msg.T_ACTIONS,
        (
            CompareColumn(msg.COL_COMUNE),
            *(CompareColumn(msg.ACTION_SHORT.format(number=n), heat=True) for n in numbers),
        ),
        mapped(plans, lambda p: (p.comune, *(_coverage(p.actions.get(n)) for n in numbers))),
    )
    axes = list(national.axes)
    tables["axes"] = CompareTable(
        "assi",
        msg.T_AXES,
        (
            CompareColumn(msg.COL_COMUNE),
            *(CompareColumn(msg.AXIS_SHORT.format(number=a.number), heat=True) for a in axes),
        ),
        mapped(plans, lambda p: (p.comune, *(_coverage(p.axes.get(a.id)) for a in axes))),
    )
    by_axis = comparison.by_axis()
    axis_rows: list[Row] = [(f"{a.number}. {a.label}", by_axis.get(a.id, _ZERO)) for a in axes]
    if comparison.unassigned:
        axis_rows.append((msg.UNASSIGNED, comparison.unassigned))
    tables["axis_budget"] = CompareTable(
        "budget-assi",
        msg.T_AXIS_BUDGET,
        (CompareColumn(msg.COL_AXIS), money),
        tuple(axis_rows),
        (msg.TOTAL, sum((r[1] for r in axis_rows if isinstance(r[1], Decimal)), _ZERO)),
    )
    by_source = sorted(comparison.by_source().items(), key=lambda kv: (-kv[1], kv[0]))
    tables["source_budget"] = CompareTable(
        "budget-fonti",
        msg.T_SOURCE_BUDGET,
        (CompareColumn(msg.COL_SOURCE), money),
        tuple((label or msg.NO_SOURCE, amount) for label, amount in by_source),
        (msg.TOTAL, sum((a for _, a in by_source), _ZERO)),
    )
    from incas_cli.messages.vocab import BUDGET_STATUSES

    by_status = comparison.by_status()
    statuses = [
        *(k for k in BUDGET_STATUSES if k in by_status),
        *([None] if None in by_status else []),
    ]
    tables["status_budget"] = CompareTable(
        "budget-stato",
        msg.T_STATUS_BUDGET,
        (CompareColumn(msg.COL_BUDGET_STATUS), money),
        tuple(
            (BUDGET_STATUSES[k].label if k is not None else msg.NO_STATUS, by_status[k])
            for k in statuses
        ),
        (msg.TOTAL, sum(by_status.values(), _ZERO)),
    )
    by_year = comparison.by_year()
    years = [*sorted(y for y in by_year if y is not None), *([None] if None in by_year else [])]
    tables["year_budget"] = CompareTable(
        "budget-anni",
        msg.T_YEAR_BUDGET,
        (CompareColumn(msg.COL_YEAR), money),
        tuple((str(y) if y is not None else msg.NO_YEAR, by_year[y]) for y in years),
        (msg.TOTAL, sum(by_year.values(), _ZERO)),
    )
    by_region = sorted(comparison.by_region().items())
    tables["region_budget"] = CompareTable(
        "budget-regioni",
        msg.T_REGION_BUDGET,
        (CompareColumn(msg.COL_REGION), CompareColumn(msg.COL_PLANS, "integer"), money),
        tuple((region or msg.NO_REGION, count, amount) for region, (count, amount) in by_region),
        (msg.TOTAL, len(plans), sum((a for _, (_, a) in by_region), _ZERO)),
    )
    tables["needs"] = CompareTable(
        "bisogni",
        msg.T_NEEDS,
        (CompareColumn(msg.COL_AREA), CompareColumn(msg.COL_PLANS, "integer")),
        tuple(
            (catalog.need_areas[a].label if a in catalog.need_areas else a, count)
            for a, count in sorted(comparison.need_areas.items(), key=lambda kv: (-kv[1], kv[0]))
        ),
    )
    labels = {a.number: a.label for a in national.actions}
    tables["frequent_actions"] = CompareTable(
        "misure-azioni",
        msg.T_ACTIONS_FREQ,
        (CompareColumn(msg.COL_ACTION), CompareColumn(msg.COL_MEASURES, "integer")),
        tuple(
            (f"{n}. {labels.get(n, '')}".rstrip(". "), count)
            for n, count in sorted(
                comparison.primary_actions.items(), key=lambda kv: (-kv[1], kv[0])
            )
        ),
    )
    tables["risk"] = _risk_table(comparison)
    tables["adoption"] = CompareTable(
        "adozione",
        msg.T_ADOPTION,
        (
            CompareColumn(msg.COL_COMUNE),
            CompareColumn(msg.COL_STATUS),
            CompareColumn(msg.COL_OPEN, "integer"),
            CompareColumn(msg.COL_WHICH),
        ),
        flattened(plans, _adoption_rows, comparison.open_plans),
    )
    tables["rejected"] = CompareTable(
        "non-validi",
        msg.T_REJECTED,
        (CompareColumn(msg.COL_FILE), CompareColumn(msg.COL_PROBLEM)),
        mapped(comparison.rejected, lambda r: (r.name, r.message)),
    )
    return tables


def _open_list(labels: Sequence[str], limit: int = 6) -> str:
    shown = list(labels[:limit])
    if len(labels) > limit:
        shown.append(msg.MORE_OPEN.format(count=len(labels) - limit))
    return "; ".join(shown)


def _adoption_rows(p: PlanRow) -> tuple[Row, ...]:
    from incas_cli.messages.render import STATUSES

    if not p.open_count:
        return ()
    return ((p.comune, STATUSES.get(p.status, p.status), p.open_count, _open_list(p.open_fields)),)


def _risk_rows(p: PlanRow) -> tuple[Row, ...]:
    return tuple((p.comune, f.measure, f.source, f.amount, f.reason) for f in p.funds_at_risk)


def _risk_table(comparison: Comparison) -> CompareTable:
    return CompareTable(
        "fondi-a-rischio",
        msg.T_RISK,
        (
            CompareColumn(msg.COL_COMUNE),
            CompareColumn(msg.COL_MEASURE),
            CompareColumn(msg.COL_SOURCE),
            CompareColumn(msg.COL_AMOUNT, "number"),
            CompareColumn(msg.COL_REASON),
        ),
        flattened(comparison.plans, _risk_rows, comparison.risk_lines),
        (msg.TOTAL, None, None, comparison.risk_total, None) if comparison.risk_lines else None,
    )
