"""The monitoring file, v1: pydantic models with exactly the key names of the v1 format.

A monitoring report is a YAML file of its own beside the plan (DESIGN.md, "The monitoring
file (v1)"): which plan it reports on, the period, the state and spending of each measure,
the values of the indicators and the meetings held. The conventions are the plan's
(:mod:`incas_cli.models.plan`): unknown keys are errors, ``x-`` keys are ignored, money is
``Decimal``, months are :class:`~incas_cli.models.month.YearMonth`.

Public API (also used by ``incas export``): :class:`MonitoringReport` and its parts,
:data:`MEASURE_STATES`, :func:`parse_report`. Rules that relate the report to its plan are
:mod:`incas_cli.monitor.checks`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from incas_cli.messages import monitor as msg
from incas_cli.models.plan import (
    Act,
    ItemId,
    Meeting,
    Money,
    Month,
    PlanModel,
    Quantity,
    Text,
)

# The vocabularies are defined once, with the plan's (their words: messages/vocab.py).
from incas_cli.models.vocab import MEASURE_STATES as MEASURE_STATES
from incas_cli.models.vocab import REPORT_STATUSES as REPORT_STATUSES
from incas_cli.models.vocab import MeasureState as MeasureState
from incas_cli.models.vocab import ReportStatus as ReportStatus

__all__ = [
    "MEASURE_STATES",
    "REPORT_STATUSES",
    "IndicatorValue",
    "MeasureProgress",
    "MeasureState",
    "MonitoringReport",
    "PlanRef",
    "ReportInfo",
    "ReportPeriod",
    "ReportStatus",
    "Spending",
]


Percent = Annotated[int, Field(ge=0, le=100, description=msg.PROGRESS_DESCRIPTION)]


class PlanRef(PlanModel):
    """The plan the report is about: its file (relative to the report) and version."""

    file: Text = Field(description=msg.PLAN_FILE_DESCRIPTION)
    version: Text | None = Field(None, description=msg.PLAN_VERSION_DESCRIPTION)


class ReportPeriod(PlanModel):
    start: Month
    end: Month


class ReportInfo(PlanModel):
    plan: PlanRef
    period: ReportPeriod
    date: dt.date | None = Field(None, description=msg.REPORT_DATE_DESCRIPTION)
    status: ReportStatus | None = Field(None, description=" | ".join(REPORT_STATUSES))
    approval: Act | None = None
    authors: list[Text] = Field(default_factory=list)
    next_period: Text | None = Field(None, description=msg.NEXT_PERIOD_DESCRIPTION)


class Spending(PlanModel):
    """Money of one funding source in the period: committed and paid."""

    source: Text | None = None
    committed: Money | None = None
    paid: Money | None = None


class MeasureProgress(PlanModel):
    id: ItemId = Field(description=msg.MEASURE_ID_DESCRIPTION)
    status: MeasureState | None = Field(None, description=" | ".join(MEASURE_STATES))
    progress: Percent | None = None
    started: Month | None = None
    ended: Month | None = None
    spending: list[Spending] = Field(default_factory=list)
    note: Text | None = None
    issues: Text | None = Field(None, description=msg.ISSUES_DESCRIPTION)
    corrective: Text | None = Field(None, description=msg.CORRECTIVE_DESCRIPTION)

    @property
    def committed(self) -> Decimal:
        return sum((s.committed for s in self.spending if s.committed), Decimal(0))

    @property
    def paid(self) -> Decimal:
        return sum((s.paid for s in self.spending if s.paid), Decimal(0))


class IndicatorValue(PlanModel):
    measure: ItemId
    indicator: Text = Field(description=msg.INDICATOR_REF_DESCRIPTION)
    value: Quantity | None = None
    date: Month | None = None
    source: Text | None = None
    note: Text | None = None


class MonitoringReport(PlanModel):
    """A whole monitoring file (v1)."""

    model_config = ConfigDict(
        title=msg.SCHEMA_TITLE,
        json_schema_extra={
            "$id": "https://incas.invalid/schema/monitoring-v1.json",
            "description": msg.SCHEMA_DESCRIPTION,
        },
    )

    schema_version: Literal[1]
    report: ReportInfo
    measures: list[MeasureProgress] = Field(default_factory=list)
    indicators: list[IndicatorValue] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)

    def measure(self, measure_id: str) -> MeasureProgress | None:
        return next((m for m in self.measures if m.id == measure_id), None)


def parse_report(data: Any) -> MonitoringReport:
    """Validate plain data (``YamlDocument.plain()``); raises pydantic's ``ValidationError``."""
    return MonitoringReport.model_validate(data)
