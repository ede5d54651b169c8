"""The plan file, v1: pydantic models with exactly the key names of the v1 format.

The shape and the field-level rules live here; rules that relate fields to each other
or to the catalogue live in ``incas_cli.checks`` and produce findings.

A *draft* may leave open every field that is not marked required; strictness for a
*final* plan is a matter of the checks, so one model serves both levels.

Keys starting with ``x-`` are accepted anywhere and ignored (room for a Comune's own
annotations); any other unknown key is an error, so a typo never goes unnoticed.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    field_validator,
    model_validator,
)

from incas_cli.formats import MONTH_NAMES, thousands_read_as_decimals
from incas_cli.messages import models as msg
from incas_cli.models.month import PATTERN as MONTH_PATTERN
from incas_cli.models.month import YearMonth
from incas_cli.models.vocab import (
    ADOPTION_ORGANS,
    BUDGET_STATUSES,
    DEFAULT_STATUS,
    FINAL_STATUSES,
    PLAN_STATUSES,
)

# The vocabularies' types, also importable from here as before they had their own module.
from incas_cli.models.vocab import AdoptionOrgan as AdoptionOrgan
from incas_cli.models.vocab import BudgetStatus as BudgetStatus
from incas_cli.models.vocab import Engagement as Engagement
from incas_cli.models.vocab import IndicatorKind as IndicatorKind
from incas_cli.models.vocab import Level as Level
from incas_cli.models.vocab import MeetingKind as MeetingKind
from incas_cli.models.vocab import PlanStatus as PlanStatus
from incas_cli.models.vocab import RelationKind as RelationKind

SCHEMA_VERSION = 1

_MONTH_RE = re.compile(MONTH_PATTERN)

MIN_YEAR = 1900
MAX_YEAR = 2100
"""The years a plan's months may fall in: a plan lasts a few years around today, and a
typo such as ``0205-03`` or ``9025-03`` would otherwise draw a timeline of centuries."""

QUANTITY_MAX_WHOLE_DIGITS = 15
QUANTITY_MAX_DECIMALS = 6
"""A quantity (indicator baseline or target, a figure of the context) has at most 15
digits before the decimal point and 6 after it: beyond that it is a slip (a pasted code,
a repeated key), and every figure a plan validates with must be printable."""


def _strip_extension_keys(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if not (isinstance(k, str) and k.startswith("x-"))}
    return data


def _month(value: Any) -> Any:
    """Accept ``YYYY-MM``; a full date is a common slip, refused with a clear type."""
    if isinstance(value, dt.date):
        raise ValueError(msg.MONTH_WITH_DAY.format(month=f"{value:%Y-%m}"))
    if isinstance(value, str):
        value = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}", value) and not _MONTH_RE.match(value):
            raise ValueError(msg.MONTH_OUT_OF_RANGE)
        if not _MONTH_RE.match(value):
            written = _italian_month(value)
            if written is not None:
                raise ValueError(msg.MONTH_FORMAT_AS.format(value=value, month=written))
            raise ValueError(msg.MONTH_FORMAT)
        if not MIN_YEAR <= int(value[:4]) <= MAX_YEAR:
            raise ValueError(msg.MONTH_YEAR_RANGE.format(first=MIN_YEAR, last=MAX_YEAR))
    return value


_NUMERIC_MONTH = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{4})$|^(\d{4})\s*[/.-]\s*(\d{1,2})$")
_NAMED_MONTH = re.compile(r"^([^\W\d_]+)\.?\s+(\d{4})$")


def _italian_month(value: str) -> str | None:
    """``3/2025``, ``03-2025``, ``2025/3``, ``marzo 2025``, ``mar 2025`` -> ``2025-03``: a
    month written the Italian way, to show the user how the file writes it (the file keeps
    one form, AAAA-MM); None for anything else."""
    numeric = _NUMERIC_MONTH.match(value)
    named = _NAMED_MONTH.match(value)
    if numeric is not None:
        month, year = (numeric[1], numeric[2]) if numeric[1] else (numeric[4], numeric[3])
        number = int(month)
    elif named is not None:
        word, year = named[1].lower(), named[2]
        found = [i for i, name in enumerate(MONTH_NAMES, 1) if name.startswith(word)]
        if len(word) < 3 or len(found) != 1:
            return None
        number = found[0]
    else:
        return None
    return f"{year}-{number:02d}" if 1 <= number <= 12 else None


def _istat_code(value: Any) -> Any:
    """ISTAT codes are six-digit strings; YAML reads ``004203`` unquoted as 4203."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        value = str(value).zfill(6)
    if isinstance(value, str):
        value = value.strip()
        if not re.fullmatch(r"\d{6}", value):
            raise ValueError(msg.ISTAT_CODE_FORMAT)
    return value


def _money(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError(msg.MONEY_EXPECTED)
    if isinstance(value, float):
        value = Decimal(repr(value))
    thousands = thousands_read_as_decimals(value) if isinstance(value, Decimal) else None
    if thousands is not None:
        # "60.000" is sixty thousand written the Italian way, not sixty euro
        raise ValueError(msg.MONEY_THOUSANDS_DOT.format(value=value, thousands=thousands))
    if isinstance(value, str):
        text = value.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
            plain = text.replace(".", "")
            raise ValueError(msg.MONEY_THOUSANDS_DOTS.format(text=text, plain=plain))
        if "," in text:
            raise ValueError(msg.MONEY_COMMA)
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValueError(msg.MONEY_EXPECTED) from None
    return value


def _integer(value: Any) -> Any:
    """A whole number; ``3.000`` (read from YAML as 3.000, i.e. three) is three thousand
    written the Italian way, refused with the number to write instead of read as 3."""
    if isinstance(value, float) and not isinstance(value, bool):
        value = Decimal(repr(value))
    thousands = thousands_read_as_decimals(value) if isinstance(value, Decimal) else None
    if thousands is not None:
        raise ValueError(msg.INTEGER_THOUSANDS_DOT.format(value=value, thousands=thousands))
    if isinstance(value, str):
        text = value.strip().replace(" ", "").replace("\u00a0", "")
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
            raise ValueError(
                msg.INTEGER_THOUSANDS_DOTS.format(text=text, plain=text.replace(".", ""))
            )
    return value


def _score(value: Any) -> Any:
    """A 1-5 score: a word (``alta``) gets the scale, not the advice about thousands."""
    value = _integer(value)
    if isinstance(value, str) and not value.strip().isdigit():
        raise ValueError(msg.SCORE_EXPECTED)
    return value


def _cup(value: Any) -> Any:
    """A CUP is 15 letters and digits; written in lower case or with spaces it is the same."""
    if isinstance(value, str):
        value = value.replace(" ", "").upper()
        if not re.fullmatch(r"[A-Z0-9]{15}", value):
            raise ValueError(msg.CUP_FORMAT)
    return value


def _number(value: Any) -> Any:
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _bounded(value: Decimal) -> Decimal:
    """Refuse a quantity no plan means (see ``QUANTITY_MAX_WHOLE_DIGITS``)."""
    if not value.is_finite():
        return value  # refused by allow_inf_nan with its own message
    if value != 0 and value.adjusted() >= QUANTITY_MAX_WHOLE_DIGITS:
        raise ValueError(msg.QUANTITY_TOO_LARGE.format(digits=QUANTITY_MAX_WHOLE_DIGITS))
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > QUANTITY_MAX_DECIMALS:
        raise ValueError(msg.QUANTITY_TOO_PRECISE.format(places=QUANTITY_MAX_DECIMALS))
    return value


Month = Annotated[
    YearMonth,
    BeforeValidator(_month),
    Field(
        description=msg.MONTH_DESCRIPTION,
        examples=["2025-03"],
    ),
]
Slug = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64),
]
ItemId = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=32
    ),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
IstatCode = Annotated[str, BeforeValidator(_istat_code), Field(pattern=r"^\d{6}$")]
Money = Annotated[
    Decimal,
    BeforeValidator(_money),
    Field(ge=0, max_digits=15, decimal_places=2, allow_inf_nan=False),
]
Quantity = Annotated[
    Decimal, BeforeValidator(_number), Field(allow_inf_nan=False), AfterValidator(_bounded)
]
Score = Annotated[int, Strict(), BeforeValidator(_score), Field(ge=1, le=5)]
Year = Annotated[
    int,
    Strict(),
    BeforeValidator(_integer),
    Field(ge=1900, le=2100, description=msg.YEAR_DESCRIPTION),
]
Cup = Annotated[
    str, BeforeValidator(_cup), Field(pattern=r"^[A-Z0-9]{15}$", description=msg.CUP_DESCRIPTION)
]
Count = Annotated[int, Strict(), BeforeValidator(_integer), Field(ge=0)]
Province = Annotated[
    str, StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Z]{2}$")
]
AnnexLetter = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9]{1,3}$")
]


class PlanModel(BaseModel):
    """Common configuration of every plan entity."""

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        populate_by_name=True,
        validate_default=False,
    )

    @model_validator(mode="before")
    @classmethod
    def _ignore_extension_keys(cls, data: Any) -> Any:
        return _strip_extension_keys(data)


class Period(PlanModel):
    start: Month | None = None
    end: Month | None = None


class Adoption(PlanModel):
    organ: AdoptionOrgan | None = Field(None, description=" | ".join(ADOPTION_ORGANS))
    number: Text | None = Field(None, description=msg.ADOPTION_NUMBER_DESCRIPTION)
    date: dt.date | None = Field(None, description=msg.ADOPTION_DATE_DESCRIPTION)
    annex: AnnexLetter | None = Field(None, description=msg.ADOPTION_ANNEX_DESCRIPTION)


class PlanInfo(PlanModel):
    national_plan: Slug = Field(description=msg.NATIONAL_PLAN_DESCRIPTION)
    title: Text
    period: Period | None = None
    status: PlanStatus | None = Field(None, description=" | ".join(PLAN_STATUSES))
    version: Text | None = None
    adoption: Adoption | None = None
    office: Text | None = None
    authors: list[Text] = Field(default_factory=list)


class Act(PlanModel):
    """A resolution of a Comune's organ (a partner Comune's act of adhesion)."""

    organ: AdoptionOrgan | None = Field(None, description=" | ".join(ADOPTION_ORGANS))
    number: Text | None = Field(None, description=msg.ADOPTION_NUMBER_DESCRIPTION)
    date: dt.date | None = Field(None, description=msg.ADOPTION_DATE_DESCRIPTION)


class PartnerComune(PlanModel):
    name: Text
    istat_code: IstatCode | None = None
    role: Text | None = Field(None, description=msg.PARTNER_ROLE_DESCRIPTION)
    adhesion: Act | None = Field(None, description=msg.PARTNER_ADHESION_DESCRIPTION)


class Comune(PlanModel):
    name: Text = Field(description=msg.COMUNE_NAME_DESCRIPTION)
    istat_code: IstatCode | None = Field(None, description=msg.ISTAT_CODE_DESCRIPTION)
    province: Province | None = Field(None, description=msg.PROVINCE_DESCRIPTION)
    region: Text | None = None
    partners: list[PartnerComune] = Field(default_factory=list)


class Crop(PlanModel):
    name: Text
    peak_months: list[Annotated[int, Strict(), Field(ge=1, le=12)]] = Field(default_factory=list)
    workers: Count | None = None

    @field_validator("peak_months")
    @classmethod
    def _unique_months(cls, value: list[int]) -> list[int]:
        if len(set(value)) != len(value):
            raise ValueError(msg.MONTH_REPEATED)
        return value


class Workforce(PlanModel):
    resident: Count | None = None
    seasonal: Count | None = None
    foreign: Count | None = None
    women: Count | None = None


class DataPoint(PlanModel):
    """A figure about the phenomenon, with its year and source."""

    label: Text
    value: Quantity | None = None
    unit: Text | None = None
    year: Year | None = None
    source: Text | None = None
    topic: Slug | None = Field(None, description=msg.NEED_AREA_DESCRIPTION)


class Context(PlanModel):
    description: Text | None = None
    crops: list[Crop] = Field(default_factory=list)
    workforce: Workforce | None = None
    settlements: Text | None = None
    services: Text | None = None
    sources: list[Text] = Field(default_factory=list)
    phenomenon: Text | None = Field(None, description=msg.PHENOMENON_DESCRIPTION)
    data: list[DataPoint] = Field(default_factory=list, description=msg.DATA_DESCRIPTION)
    gender: Text | None = Field(None, description=msg.GENDER_DESCRIPTION)


class SpecificObjective(PlanModel):
    id: ItemId
    text: Text
    axis: Slug | None = Field(None, description=msg.OBJECTIVE_AXIS_DESCRIPTION)


class Strategy(PlanModel):
    general_objective: Text | None = Field(None, description=msg.GENERAL_OBJECTIVE_DESCRIPTION)
    specific_objectives: list[SpecificObjective] = Field(default_factory=list)


class Office(PlanModel):
    name: Text
    tasks: Text | None = None


class Organization(PlanModel):
    """The Comune's internal organisation for the plan."""

    manager: Text | None = Field(None, description=msg.ORGANIZATION_MANAGER_DESCRIPTION)
    offices: list[Office] = Field(default_factory=list)
    reporting: Text | None = Field(None, description=msg.ORGANIZATION_REPORTING_DESCRIPTION)


class Contact(PlanModel):
    """Personal data: shown only in the internal edition."""

    person: Text | None = None
    email: Text | None = None
    phone: Text | None = None


class Stakeholder(PlanModel):
    id: Slug
    name: Text
    type: Slug | None = Field(None, description=msg.ACTOR_TYPE_DESCRIPTION)
    level: Level | None = None
    role: Text | None = None
    power: Score | None = None
    interest: Score | None = None
    engagement: Engagement | None = None
    commitments: Text | None = None
    contact: Contact | None = None
    draft: bool | None = Field(None, description=msg.DRAFT_DESCRIPTION)


class Relation(PlanModel):
    from_: Slug = Field(alias="from")
    to: Slug
    kind: RelationKind | None = None
    label: Text | None = None


class SteeringBody(PlanModel):
    name: Text | None = None
    coordinator: Slug | None = None
    members: list[Slug] = Field(default_factory=list)
    cadence: Text | None = None


class Table(PlanModel):
    name: Text
    topic: Slug | None = Field(None, description=msg.NEED_AREA_DESCRIPTION)
    members: list[Slug] = Field(default_factory=list)


class Governance(PlanModel):
    steering_body: SteeringBody | None = None
    tables: list[Table] = Field(default_factory=list)


class Need(PlanModel):
    id: ItemId
    area: Slug | None = Field(None, description=msg.NEED_AREA_DESCRIPTION)
    description: Text | None = None
    evidence: Text | None = None
    source: Text | None = None
    target_group: Text | None = None
    people: Count | None = None
    severity: Score | None = None
    urgency: Score | None = None
    draft: bool | None = Field(None, description=msg.DRAFT_DESCRIPTION)

    @property
    def priority(self) -> int | None:
        """Severity times urgency (1-25); None while either is open."""
        if self.severity is None or self.urgency is None:
            return None
        return self.severity * self.urgency


class BudgetLine(PlanModel):
    amount: Money | None = None
    source: Text | None = Field(None, description=msg.FUNDING_SOURCE_DESCRIPTION)
    note: Text | None = None
    year: Year | None = Field(None, description=msg.BUDGET_YEAR_DESCRIPTION)
    status: BudgetStatus | None = Field(None, description=" | ".join(BUDGET_STATUSES))
    cup: Cup | None = None

    @property
    def in_kind(self) -> bool:
        """A line of amount 0 is a contribution in kind (staff, premises), not money."""
        return self.amount is not None and self.amount == 0


class Indicator(PlanModel):
    id: ItemId | None = Field(None, description=msg.INDICATOR_ID_DESCRIPTION)
    name: Text
    kind: IndicatorKind | None = None
    unit: Text | None = None
    baseline: Quantity | None = None
    target: Quantity | None = None
    verification: Text | None = None


class Risk(PlanModel):
    risk: Text
    mitigation: Text | None = None


class Measure(PlanModel):
    id: ItemId
    title: Text
    description: Text | None = None
    objective: Text | None = None
    actions: list[Annotated[int, Strict(), Field(ge=1)]] = Field(
        default_factory=list, description=msg.MEASURE_ACTIONS_DESCRIPTION
    )
    needs: list[ItemId] = Field(default_factory=list)
    lead: Slug | None = None
    partners: list[Slug] = Field(default_factory=list)
    start: Month | None = None
    end: Month | None = None
    months: list[Annotated[int, Strict(), Field(ge=1, le=12)]] = Field(
        default_factory=list, description=msg.MEASURE_MONTHS_DESCRIPTION
    )
    budget: list[BudgetLine] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    specific_objectives: list[ItemId] = Field(
        default_factory=list, description=msg.MEASURE_OBJECTIVES_DESCRIPTION
    )
    sustainability: Text | None = Field(None, description=msg.SUSTAINABILITY_DESCRIPTION)
    draft: bool | None = Field(None, description=msg.DRAFT_DESCRIPTION)

    @field_validator("months")
    @classmethod
    def _unique_months(cls, value: list[int]) -> list[int]:
        if len(set(value)) != len(value):
            raise ValueError(msg.MONTH_REPEATED)
        return value

    def active_in(self, index: int) -> bool:
        """Whether the measure is at work in the month ``index`` (:attr:`YearMonth.index`):
        between its start and end, and in one of its ``months`` when it has them."""
        if self.start is None or self.end is None:
            return False
        if not self.start.index <= index <= self.end.index:
            return False
        return not self.months or index % 12 + 1 in self.months

    @property
    def total_budget(self) -> Decimal:
        return sum((b.amount for b in self.budget if b.amount is not None), Decimal("0"))

    @property
    def primary_action(self) -> int | None:
        """The first national action listed is the measure's primary one (v1 format)."""
        return self.actions[0] if self.actions else None


class Monitoring(PlanModel):
    reviews: list[Month] = Field(default_factory=list)
    reporting: Text | None = None


class Meeting(PlanModel):
    date: dt.date | None = None
    kind: MeetingKind | None = None
    table: Text | None = None
    participants: list[Slug] = Field(default_factory=list)
    summary: Text | None = None


class Process(PlanModel):
    meetings: list[Meeting] = Field(default_factory=list)


class Plan(PlanModel):
    """A whole plan file (v1)."""

    model_config = ConfigDict(
        title=msg.PLAN_SCHEMA_TITLE,
        json_schema_extra={
            "$id": "https://incas.invalid/schema/plan-v1.json",
            "description": msg.PLAN_SCHEMA_DESCRIPTION,
        },
    )

    schema_version: Literal[1]
    plan: PlanInfo
    comune: Comune
    context: Context | None = None
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    governance: Governance | None = None
    organization: Organization | None = None
    needs: list[Need] = Field(default_factory=list)
    strategy: Strategy | None = None
    measures: list[Measure] = Field(default_factory=list)
    monitoring: Monitoring | None = None
    process: Process | None = None

    def stakeholder(self, stakeholder_id: str) -> Stakeholder | None:
        return next((s for s in self.stakeholders if s.id == stakeholder_id), None)

    def need(self, need_id: str) -> Need | None:
        return next((n for n in self.needs if n.id == need_id), None)

    def specific_objective(self, objective_id: str) -> SpecificObjective | None:
        objectives = self.strategy.specific_objectives if self.strategy else []
        return next((o for o in objectives if o.id == objective_id), None)

    @property
    def effective_status(self) -> PlanStatus:
        return self.plan.status or DEFAULT_STATUS

    @property
    def final(self) -> bool:
        """``proposta`` or ``adottato``: the text a resolution adopts, checked as final."""
        return self.effective_status in FINAL_STATUSES

    @property
    def total_budget(self) -> Decimal:
        return sum((m.total_budget for m in self.measures), Decimal("0"))

    @property
    def covered_actions(self) -> frozenset[int]:
        """National priority actions addressed by at least one measure."""
        return frozenset(n for m in self.measures for n in m.actions)
