"""The JSON reports of the commands (``--json``): one envelope, one model per report.

Every report is an object with ``version`` (the report format, 1) and ``kind`` (which
command wrote it: ``validate``, ``status``, ``build``, ``diff``, ``catalog``), followed by
the command's own keys. The commands build their payload as plain data; ``report_json``
checks it against the report's model and writes it, so the output always matches the JSON
Schema that ``incas schema --report NAME`` publishes (``report_schema``).

A key the model marks as *omitted* is left out, never ``null``, when it does not apply (a
file that could not be read has ``error`` and no ``findings``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, RootModel

from incas_cli.catalog.model import (
    ActorType,
    Axis,
    FundingSource,
    NeedArea,
    Period,
    PriorityAction,
    StakeholderLevel,
    TypicalMeasure,
)
from incas_cli.messages import cli as msg

REPORT_VERSION = 1
ReportKind = Literal["validate", "status", "build", "diff", "catalog"]
REPORT_KINDS: tuple[ReportKind, ...] = ("validate", "status", "build", "diff", "catalog")


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def _omitted() -> Any:
    """A key left out of the report when it does not apply (not nullable)."""
    return Field(default=None, json_schema_extra=_no_default)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Envelope(_Model):
    """What every report starts with."""

    version: Literal[1] = Field(description=msg.REPORT_VERSION_DESCRIPTION)
    kind: ReportKind = Field(description=msg.REPORT_KIND_DESCRIPTION)


# --- shared parts --------------------------------------------------------------------------


class Finding(_Model):
    """A problem found in a plan file (``code`` is stable, ``message`` may be reworded)."""

    code: str
    severity: Literal["error", "warning"]
    path: str
    file: str | None
    line: int | None
    column: int | None
    message: str
    hint: str | None


class ReadError(_Model):
    """Why a file could not be read (or written)."""

    message: str
    hint: str | None
    file: str | None = _omitted()
    line: int | None
    column: int | None


Outcome = Literal["ok", "invalid", "failed"]


# --- plan validate -------------------------------------------------------------------------


class ValidatedFile(_Model):
    file: str
    status: Outcome
    error: ReadError = _omitted()
    valid: bool = _omitted()
    errors: int = _omitted()
    warnings: int = _omitted()
    findings: list[Finding] = _omitted()
    output: str = _omitted()


class ValidateReport(Envelope):
    """``incas plan validate --json``: one entry per file, in the order checked."""

    kind: Literal["validate"]
    files: list[ValidatedFile]


# --- plan status ---------------------------------------------------------------------------


class StatusPlan(_Model):
    title: str
    comune: str
    istat_code: str | None
    status: str
    version: str | None


class SectionProgress(_Model):
    section: str
    label: str
    filled: int
    open: int
    percent: int


class OpenFieldEntry(_Model):
    path: str
    kind: str
    label: str
    section: str
    line: int
    column: int


class CoveredActions(_Model):
    covered: list[int]
    uncovered: list[int]
    secondary_only: list[int] = Field(description=msg.REPORT_SECONDARY_ONLY_DESCRIPTION)


class CoveredAxes(_Model):
    covered: list[str]
    uncovered: list[str]


class StatusCoverage(_Model):
    national_plan: str
    actions: CoveredActions
    axes: CoveredAxes


Money = Annotated[str, Field(pattern=r"^-?\d+(\.\d+)?$", description=msg.REPORT_MONEY_DESCRIPTION)]


class SourceAmount(_Model):
    source: str | None
    label: str
    amount: Money
    lines: int


class StatusBudget(_Model):
    currency: Literal["EUR"]
    total: Money
    by_source: list[SourceAmount]
    lines_without_amount: int


class StatusFile(_Model):
    file: str
    readable: bool
    error: ReadError = _omitted()
    valid: bool = _omitted()
    ready_for_final: bool = _omitted()
    errors: int = _omitted()
    warnings: int = _omitted()
    final_errors: int = _omitted()
    findings: list[Finding] = _omitted()
    plan: StatusPlan | None = _omitted()
    open_fields_total: int = _omitted()
    sections: list[SectionProgress] = _omitted()
    open_fields: list[OpenFieldEntry] = _omitted()
    coverage: StatusCoverage | None = _omitted()
    budget: StatusBudget = _omitted()


class StatusReport(Envelope):
    """``incas plan status --json``: one entry per file, in the order given."""

    kind: Literal["status"]
    files: list[StatusFile]


# --- plan build ----------------------------------------------------------------------------


class BuildSummary(_Model):
    total: int
    ok: int
    invalid: int
    failed: int
    skipped: int


class BuiltFile(_Model):
    file: str
    status: Literal["ok", "invalid", "failed", "skipped"]
    output: str | None
    message: str | None
    errors: int | None
    warnings: int | None
    findings: list[Finding]
    error: ReadError | None


class BuildReport(Envelope):
    """``incas plan build --json``: every key always present."""

    kind: Literal["build"]
    output_dir: str
    format: str
    edition: str
    final: bool
    summary: BuildSummary
    files: list[BuiltFile]


# --- plan diff -----------------------------------------------------------------------------


class FieldChange(_Model):
    field: str
    old: JsonValue
    new: JsonValue


class Item(_Model):
    id: str
    label: str


class MeasureItem(Item):
    budget: Money | None
    actions: list[int]


class ItemChange(Item):
    changes: list[FieldChange]


class Changes(_Model):
    added: list[Item]
    removed: list[Item]
    changed: list[ItemChange]


class MeasureChanges(_Model):
    added: list[MeasureItem]
    removed: list[MeasureItem]
    changed: list[ItemChange]


class AmountRow(_Model):
    key: str
    label: str
    old: Money
    new: Money
    delta: Money


class BudgetChanges(_Model):
    total: AmountRow
    by_source: list[AmountRow]
    by_axis: list[AmountRow]


class ActionRef(_Model):
    number: int
    label: str


class CoverageChanges(_Model):
    total: int
    old: list[int]
    new: list[int]
    gained: list[ActionRef]
    lost: list[ActionRef]


class DiffReport(Envelope):
    """``incas plan diff --json`` (``format`` is the diff's own version, kept for scripts)."""

    kind: Literal["diff"]
    old: str
    new: str
    format: int
    empty: bool
    plan: list[FieldChange]
    measures: MeasureChanges
    stakeholders: Changes
    needs: Changes
    budget: BudgetChanges
    coverage: CoverageChanges
    sections: list[str]


# --- incas catalog -------------------------------------------------------------------------


class _CatalogReport(Envelope):
    kind: Literal["catalog"]


class PlanSummary(_Model):
    id: str
    title: str
    short_title: str
    period: Period
    axes: int
    actions: int
    status_note: str | None


class CatalogPlans(_CatalogReport):
    table: Literal["plans"]
    default_national_plan: str
    national_plans: list[PlanSummary]


class AxisEntry(Axis):
    actions: list[int]


class CatalogAxes(_CatalogReport):
    table: Literal["axes"]
    national_plan: str
    axes: list[AxisEntry]


class CatalogActions(_CatalogReport):
    table: Literal["actions"]
    national_plan: str
    actions: list[PriorityAction]


class CatalogActors(_CatalogReport):
    table: Literal["actors"]
    actor_types: list[ActorType]
    levels: list[StakeholderLevel]


class NeedAreaEntry(NeedArea):
    actions: list[int]


class CatalogNeeds(_CatalogReport):
    table: Literal["needs"]
    national_plan: str
    need_areas: list[NeedAreaEntry]


class CatalogFunding(_CatalogReport):
    table: Literal["funding"]
    funding_sources: list[FundingSource]


class ActionMeasures(_Model):
    number: int
    label: str
    typical_measures: list[TypicalMeasure]


class CatalogMeasures(_CatalogReport):
    table: Literal["measures"]
    national_plan: str
    actions: list[ActionMeasures]
    cross_cutting_measures: list[TypicalMeasure] = _omitted()


CatalogTable = Literal["plans", "axes", "actions", "actors", "needs", "funding", "measures"]


class CatalogReport(
    RootModel[
        Annotated[
            CatalogPlans
            | CatalogAxes
            | CatalogActions
            | CatalogActors
            | CatalogNeeds
            | CatalogFunding
            | CatalogMeasures,
            Field(discriminator="table"),
        ]
    ]
):
    """``incas catalog TABLE --json``: ``table`` says which one."""


_MODELS: dict[ReportKind, type[BaseModel]] = {
    "validate": ValidateReport,
    "status": StatusReport,
    "build": BuildReport,
    "diff": DiffReport,
    "catalog": CatalogReport,
}


def report_data(kind: ReportKind, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The report as JSON data: the envelope, then ``payload`` checked against its model."""
    model = _MODELS[kind].model_validate({"version": REPORT_VERSION, "kind": kind, **payload})
    data: dict[str, Any] = model.model_dump(mode="json", exclude_unset=True)
    return data


def report_json(kind: ReportKind, payload: Mapping[str, Any]) -> str:
    """``report_data`` as indented JSON text (UTF-8 letters kept)."""
    return json.dumps(report_data(kind, payload), ensure_ascii=False, indent=2)


FileReportKind = Literal["validate", "status", "build"]
_FILE_MODELS: dict[FileReportKind, type[BaseModel]] = {
    "validate": ValidatedFile,
    "status": StatusFile,
    "build": BuiltFile,
}


def report_json_parts(
    kind: FileReportKind, payload: Mapping[str, Any], files: Iterable[Mapping[str, Any]]
) -> Iterator[str]:
    """The text of ``report_json(kind, {**payload, "files": [*files]})``, part by part:
    each file's entry is checked against the report's model of a file and written as it
    comes, so a report on thousands of files never holds them all. (``files`` is the last
    key of these reports; an entry's lines are its own JSON, indented two levels.)"""
    head = json.dumps(report_data(kind, {**payload, "files": []}), ensure_ascii=False, indent=2)
    empty = "[]\n}"
    assert head.endswith(f'"files": {empty}')
    yield head[: -len(empty)]
    model = _FILE_MODELS[kind]
    first = True
    for entry in files:
        data = model.model_validate(entry).model_dump(mode="json", exclude_unset=True)
        text = json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield ("[\n    " if first else ",\n    ") + text
        first = False
    yield empty if first else "\n  ]\n}"


def catalog_json(table: CatalogTable, payload: Mapping[str, Any]) -> str:
    """The report of ``incas catalog TABLE --json``."""
    return report_json("catalog", {"table": table, **payload})


def report_schema(kind: ReportKind) -> dict[str, Any]:
    """The JSON Schema (2020-12) of one report, as ``incas schema --report`` prints it."""
    schema = _MODELS[kind].model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }
