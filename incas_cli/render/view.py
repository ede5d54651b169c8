"""What the document shows, computed and formatted: plan + catalogue -> a view model.

Plain frozen dataclasses, no docx: the builder only lays them out, ``plan status`` and the
tests can use them alone. Every string here is ready to print (Italian, Babel formats);
money stays a ``Decimal`` next to its text so totals can be checked exactly. Fields that a
draft leaves open become :class:`Placeholder` values, shown in the document as
``[da completare: …]`` in a character style of its own.

Personal data (contact persons, e-mails, phones) enters the view only for the internal
edition: the public view cannot leak what it does not hold.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from incas_cli.messages import render as msg
from incas_cli.messages.checks import OPEN_LABELS
from incas_cli.render import formats as fmt
from incas_cli.render.figures import (
    FigureEdge,
    FigureNode,
    GridPoint,
    network_alt_text,
    power_interest_alt_text,
    power_interest_quadrant,
)

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog, NationalPlan
    from incas_cli.models import Measure, Need, Plan, Stakeholder
    from incas_cli.render import ChangeEntry, Edition

Granularity = Literal["month", "quarter", "year"]
AnnexKey = Literal["bodies", "changelog", "contacts"]

PRIMARY_MARK = "●"
SECONDARY_MARK = "○"
ACTIVE_MARK = "●"
REVIEW_MARK = "◆"
DASH = "–"
ELLIPSIS = "…"
NBSP = "\u00a0"  # a phone number is never split across lines
ANNEX_LETTERS = "ABCDEFGH"
MAX_MONTH_COLUMNS = 18
MAX_QUARTER_COLUMNS = 24


@dataclass(frozen=True)
class Placeholder:
    """An open field of a draft, shown as a visible placeholder."""

    label: str

    def __str__(self) -> str:
        return msg.PLACEHOLDER.format(label=self.label)


Value = str | Placeholder


def open_value(value: object, kind: str) -> Value:
    """``value`` as text, or the placeholder of the open field ``kind``."""
    if value is None or value == "" or value == []:
        return Placeholder(OPEN_LABELS.get(kind, kind))
    return str(value)


def nowrap(value: str) -> str:
    """``value`` with no-break spaces: a date or a month never splits across lines, and
    the column sizing counts it as one word, so a date column is as wide as its longest
    date."""
    return NBSP.join(value.split(" "))


def text(value: Value) -> str:
    """The printed form of a value (placeholders included)."""
    return str(value)


def paragraphs(raw: str | None) -> tuple[str, ...]:
    """Free text -> paragraphs: blank lines separate them, single newlines are wrapping."""
    if not raw:
        return ()
    blocks: list[str] = []
    current: list[str] = []
    for line in raw.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return tuple(blocks)


# --- the parts of the view -------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """A labelled value (cover data, a row of a key/value card)."""

    label: str
    value: Value | tuple[Value, ...]


@dataclass(frozen=True)
class Properties:
    """Core properties of the file, from the plan (never from the clock)."""

    title: str
    subject: str
    author: str
    keywords: str
    category: str
    comments: str
    content_status: str
    version: str
    created: dt.datetime | None
    language: str = "it-IT"


@dataclass(frozen=True)
class Cover:
    comune_line: str
    title: str
    subtitle: str
    facts: tuple[Fact, ...]
    draft: bool
    draft_mark: str


@dataclass(frozen=True)
class ActionRef:
    number: int
    label: str
    axis_label: str
    primary: bool = False

    @property
    def text(self) -> str:
        return msg.ACTION_REF.format(number=self.number, label=self.label)


@dataclass(frozen=True)
class AxisView:
    number: int
    id: str
    label: str
    description: str
    actions: tuple[ActionRef, ...]


@dataclass(frozen=True)
class NationalPlanView:
    id: str
    title: str
    short_title: str
    period: str
    approval: tuple[str, ...]
    still_in_force: str | None  # for plans that start after the national plan's period
    axes: tuple[AxisView, ...]
    action_count: int
    thematic_areas: tuple[str, ...]
    transversal_areas: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Intro:
    comune: str
    partners: tuple[str, ...]
    region: Value
    province: Value
    period: Value
    status_label: str
    adopted: bool
    adoption: Value
    office: Value
    authors: tuple[str, ...]
    national: NationalPlanView
    counts: Counts


@dataclass(frozen=True)
class Counts:
    stakeholders: int
    needs: int
    measures: int
    meetings: int
    indicators: int
    tables: int
    actions_covered: int
    actions_total: int
    total_budget: str


@dataclass(frozen=True)
class CropRow:
    name: str
    months: tuple[bool, ...]  # 12
    peak: str
    workers: str


@dataclass(frozen=True)
class DemandRow:
    month: str
    crops: str
    workers: str


@dataclass(frozen=True)
class Territory:
    description: tuple[Value, ...]
    month_labels: tuple[str, ...]  # 12 abbreviations
    month_names: tuple[str, ...]  # 12 full names
    crops: tuple[CropRow, ...]
    crops_open: Placeholder | None
    demand: tuple[DemandRow, ...]  # month by month, when any crop has a peak
    workforce: tuple[Fact, ...]
    workforce_open: Placeholder | None
    settlements: tuple[str, ...]
    services: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class KindCount:
    label: str
    count: int


@dataclass(frozen=True)
class MeetingRow:
    date: str
    kind: str
    table: str
    participants: str
    summary: str


@dataclass(frozen=True)
class Organisation:
    name: str
    type_label: str
    meetings: int


@dataclass(frozen=True)
class ProcessView:
    total: int
    by_kind: tuple[KindCount, ...]
    meetings: tuple[MeetingRow, ...]
    organisations: tuple[Organisation, ...]
    span: str | None  # "dal 12 ottobre 2022 all'8 novembre 2023"
    tables: tuple[str, ...]


@dataclass(frozen=True)
class StakeholderRow:
    number: int  # the actor's number in the tables and in both figures
    id: str
    name: str
    type_label: str
    level: str
    role: Value
    engagement: Value
    power: str
    interest: str
    quadrant: str
    commitments: str


@dataclass(frozen=True)
class RelationRow:
    source: str
    target: str
    kind: str
    label: str


@dataclass(frozen=True)
class BodyView:
    name: str
    topic: str
    coordinator: str | None
    members: tuple[str, ...]
    cadence: str | None


@dataclass(frozen=True)
class Network:
    central: str | None
    stakeholders: tuple[StakeholderRow, ...]
    stakeholders_open: Placeholder | None
    relations: tuple[RelationRow, ...]
    nodes: tuple[FigureNode, ...]
    edges: tuple[FigureEdge, ...]
    grid: tuple[GridPoint, ...]
    network_alt: str
    grid_alt: str
    grid_missing: tuple[str, ...]  # stakeholders without power or interest
    steering: BodyView | None
    steering_open: Placeholder | None
    tables: tuple[BodyView, ...]


@dataclass(frozen=True)
class StrategyMeasure:
    id: str
    title: str
    objective: Value
    actions: str


@dataclass(frozen=True)
class StrategyAxis:
    number: int
    label: str
    description: str
    actions: tuple[ActionRef, ...]
    measures: tuple[StrategyMeasure, ...]


@dataclass(frozen=True)
class Strategy:
    axes: tuple[StrategyAxis, ...]
    unassigned: tuple[StrategyMeasure, ...]


@dataclass(frozen=True)
class NeedView:
    rank: int
    id: str
    area: Value
    description: Value
    evidence: str | None
    source: str | None
    target_group: str
    people: str
    severity: Value
    urgency: Value
    priority: Value
    priority_value: int | None
    measures: tuple[str, ...]


@dataclass(frozen=True)
class Needs:
    items: tuple[NeedView, ...]
    open: Placeholder | None
    unaddressed: tuple[str, ...]


@dataclass(frozen=True)
class BudgetLineView:
    source: Value
    amount: Decimal | None
    amount_text: Value
    note: str


@dataclass(frozen=True)
class IndicatorRow:
    measure: str
    name: str
    kind: Value
    unit: str
    baseline: str
    target: Value
    verification: str


@dataclass(frozen=True)
class RiskRow:
    risk: str
    mitigation: str


@dataclass(frozen=True)
class MeasureCard:
    id: str
    title: str
    facts: tuple[Fact, ...]
    budget: tuple[BudgetLineView, ...]
    budget_open: Placeholder | None
    total: Decimal
    total_text: str
    indicators: tuple[IndicatorRow, ...]
    indicators_open: Placeholder | None
    risks: tuple[RiskRow, ...]


@dataclass(frozen=True)
class MatrixRow:
    measure: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class ActionCoverage:
    number: int
    label: str
    axis: str
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    covered: bool


@dataclass(frozen=True)
class AxisCoverage:
    label: str
    actions: int
    covered: int
    measures: int
    uncovered: tuple[str, ...]


@dataclass(frozen=True)
class Coherence:
    columns: tuple[str, ...]  # "AP1".."AP10"
    rows: tuple[MatrixRow, ...]
    actions: tuple[ActionCoverage, ...]
    axes: tuple[AxisCoverage, ...]
    uncovered: tuple[str, ...]  # "AP2 Innovazione ..."
    unknown: tuple[str, ...]  # action numbers the national plan does not have


@dataclass(frozen=True)
class GanttRow:
    label: str
    period: Value
    cells: tuple[bool, ...]


@dataclass(frozen=True)
class Gantt:
    granularity: Granularity
    columns: tuple[str, ...]
    rows: tuple[GanttRow, ...]
    reviews: tuple[bool, ...] | None
    range_text: str
    open: Placeholder | None


@dataclass(frozen=True)
class BudgetRow:
    label: str
    detail: str
    amount: Decimal
    amount_text: str
    share: str


@dataclass(frozen=True)
class BudgetTable:
    rows: tuple[BudgetRow, ...]
    total: Decimal
    total_text: str


@dataclass(frozen=True)
class Budget:
    by_measure: BudgetTable
    by_source: BudgetTable
    by_axis: BudgetTable
    open_lines: int
    unassigned_measures: tuple[str, ...]
    open: Placeholder | None  # no budget line anywhere yet


@dataclass(frozen=True)
class Monitoring:
    reporting: tuple[Value, ...]
    reviews: tuple[str, ...]
    reviews_open: Placeholder | None
    cadence: str | None
    indicators: tuple[IndicatorRow, ...]
    outputs: int
    outcomes: int
    summary: str | None  # "Il quadro comprende 22 indicatori: 15 di realizzazione e 7 …"


@dataclass(frozen=True)
class ContactRow:
    organisation: str
    person: str
    email: str
    phone: str


@dataclass(frozen=True)
class ChangeRow:
    version: str
    date: str
    summary: tuple[str, ...]


@dataclass(frozen=True)
class AnnexRef:
    """An annex of this edition: its letter, heading title and what it holds (a phrase
    for the chapter's introduction)."""

    key: AnnexKey
    letter: str
    title: str
    content: str

    @property
    def heading(self) -> str:
        return msg.ANNEX_HEADING.format(letter=self.letter, title=self.title)

    @property
    def ref(self) -> str:
        return msg.ANNEX_REF.format(letter=self.letter)


@dataclass(frozen=True)
class Annexes:
    index: tuple[AnnexRef, ...]  # the annexes of this edition, in order (A, B, …)
    bodies: tuple[BodyView, ...]
    participants: tuple[Organisation, ...]
    contacts: tuple[ContactRow, ...] | None  # None in the public edition
    changelog: tuple[ChangeRow, ...]


@dataclass(frozen=True)
class DocumentView:
    edition: Edition
    draft: bool
    header: str
    properties: Properties
    cover: Cover
    intro: Intro
    territory: Territory
    process: ProcessView
    network: Network
    strategy: Strategy
    needs: Needs
    measures: tuple[MeasureCard, ...]
    coherence: Coherence
    gantt: Gantt
    budget: Budget
    monitoring: Monitoring
    annexes: Annexes
    counts: Counts = field(repr=False)


# --- building the view -------------------------------------------------------------------


class _Names:
    """Lookups shared by the builders of the sections."""

    def __init__(self, plan: Plan, catalog: Catalog, national: NationalPlan) -> None:
        self.plan = plan
        self.catalog = catalog
        self.national = national
        self._stakeholders = {s.id: s for s in plan.stakeholders}
        self._measures_by_need: dict[str, list[str]] = {}
        for m in plan.measures:
            for n in m.needs:
                self._measures_by_need.setdefault(n, []).append(m.id)

    def stakeholder(self, stakeholder_id: str) -> str:
        found = self._stakeholders.get(stakeholder_id)
        return found.name if found is not None else stakeholder_id

    def stakeholders(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.stakeholder(i) for i in ids)

    def actor_type(self, type_id: str | None) -> str:
        if type_id is None:
            return DASH
        found = self.catalog.actor_types.get(type_id)
        return found.label if found is not None else type_id

    def level(self, level_id: str | None) -> str:
        if level_id is None:
            return DASH
        found = self.catalog.levels.get(level_id)
        return found.label if found is not None else level_id

    def engagement(self, engagement_id: str | None) -> Value:
        if engagement_id is None:
            return open_value(None, "stakeholder.engagement")
        found = self.catalog.engagement_levels.get(engagement_id)
        return found.label if found is not None else engagement_id

    def need_area(self, area_id: str | None, kind: str = "need.area") -> Value:
        if area_id is None:
            return open_value(None, kind)
        found = self.catalog.need_areas.get(area_id)
        return found.label if found is not None else area_id

    def funding(self, source: str | None) -> Value:
        if source is None:
            return open_value(None, "budget.source")
        found = self.catalog.funding_sources.get(source)
        return found.label if found is not None else source

    def action(self, number: int, *, primary: bool = False) -> ActionRef:
        action = self.national.action(number)
        if action is None:
            return ActionRef(number, msg.UNKNOWN_ACTION, msg.NO_AXIS, primary)
        axis = self.national.axis(action.axis)
        axis_label = axis.label if axis is not None else action.axis
        return ActionRef(number, action.label, axis_label, primary)

    def measures_for_need(self, need_id: str) -> tuple[str, ...]:
        return tuple(self._measures_by_need.get(need_id, ()))

    def need_short(self, need_id: str) -> str:
        need = self.plan.need(need_id)
        if need is None:
            return need_id
        area = self.need_area(need.area)
        return msg.NEED_REF.format(id=need_id, area=text(area))


def build_view(
    plan: Plan,
    catalog: Catalog,
    *,
    edition: Edition = "pubblica",
    changelog: Sequence[ChangeEntry] = (),
) -> DocumentView:
    """Everything the document shows, for this plan, catalogue and edition."""
    from incas_cli.errors import InputError

    national = catalog.national_plan(plan.plan.national_plan)
    if national is None:
        raise InputError(
            msg.UNKNOWN_NATIONAL_PLAN.format(plan_id=plan.plan.national_plan),
            hint=msg.UNKNOWN_NATIONAL_PLAN_HINT.format(known=", ".join(catalog.national_plans)),
        )
    names = _Names(plan, catalog, national)
    draft = plan.effective_status != "adottato"
    coherence = _coherence(plan, names)
    process = _process(plan, names)
    network = _network(plan, names)
    counts = Counts(
        stakeholders=len(plan.stakeholders),
        needs=len(plan.needs),
        measures=len(plan.measures),
        meetings=len(plan.process.meetings) if plan.process else 0,
        indicators=sum(len(m.indicators) for m in plan.measures),
        tables=len(plan.governance.tables) if plan.governance else 0,
        actions_covered=sum(a.covered for a in coherence.actions),
        actions_total=len(national.actions),
        total_budget=fmt.money(plan.total_budget),
    )
    return DocumentView(
        edition=edition,
        draft=draft,
        header=running_header(plan),
        properties=_properties(plan),
        cover=_cover(plan, national, edition, draft),
        intro=_intro(plan, national, counts),
        territory=_territory(plan),
        process=process,
        network=network,
        strategy=_strategy(plan, names),
        needs=_needs(plan, names),
        measures=tuple(_measure_card(m, names) for m in plan.measures),
        coherence=coherence,
        gantt=_gantt(plan),
        budget=_budget(plan, names),
        monitoring=_monitoring(plan),
        annexes=_annexes(plan, network, process, edition, changelog),
        counts=counts,
    )


HEADER_WIDTH_TWIPS = 9_000
"""Room for the running header: the text width of the reference document (16.5 cm) less
a little, so the header stays on one line."""
HEADER_FONT_PT = 9.0


def running_header(plan: Plan) -> str:
    """The header of every page but the cover, on one line: the plan's title and the
    Comune when they fit, else "Piano Locale Multisettoriale – Comune di …" (with
    "BOZZA – " in front for a draft); a title still too long is cut with an ellipsis."""
    from incas_cli.render.measure import text_twips

    draft = plan.effective_status != "adottato"
    comune = _comune_name(plan)

    def framed(header: str) -> str:
        return msg.HEADER_DRAFT.format(header=header) if draft else header

    def fits(header: str) -> bool:
        return text_twips(header, HEADER_FONT_PT, bold=draft) <= HEADER_WIDTH_TWIPS

    for candidate in (
        framed(msg.HEADER.format(title=" ".join(plan.plan.title.split()), comune=comune)),
        framed(msg.HEADER_SHORT.format(comune=comune)),
    ):
        if fits(candidate):
            return candidate
    words = framed(msg.HEADER_SHORT.format(comune=comune)).split(" ")
    while len(words) > 1 and not fits(" ".join(words) + ELLIPSIS):
        words.pop()
    return " ".join(words) + ELLIPSIS


def _comune_name(plan: Plan) -> str:
    return msg.COMUNE_OF.format(name=plan.comune.name)


def _period(plan: Plan) -> Value:
    period = plan.plan.period
    if period is None:
        return open_value(None, "plan.period")
    start = fmt.month(period.start) if period.start else None
    end = fmt.month(period.end) if period.end else None
    return msg.RANGE.format(
        start=start or open_value(None, "plan.period.start"),
        end=end or open_value(None, "plan.period.end"),
    )


def _adoption(plan: Plan) -> Value:
    adoption = plan.plan.adoption
    if adoption is None or (adoption.organ is None and adoption.date is None):
        return msg.NOT_ADOPTED
    act = msg.ADOPTION_ACTS.get(adoption.organ or "", msg.ADOPTION_ACT_UNKNOWN)
    number = msg.ADOPTION_NUMBER.format(number=adoption.number) if adoption.number else ""
    date = " " + fmt.date_after("del", adoption.date) if adoption.date else ""
    return msg.ADOPTION.format(act=act, number=number, date=date).strip()


def _status_label(plan: Plan) -> str:
    return msg.STATUSES[plan.effective_status]


def _document_date(plan: Plan) -> dt.date | None:
    """The date the document carries: adoption, else period start, else last meeting."""
    adoption = plan.plan.adoption
    if adoption is not None and adoption.date is not None:
        return adoption.date
    period = plan.plan.period
    if period is not None and period.start:
        return fmt.parse_month(period.start)
    if plan.process is not None:
        dates = [m.date for m in plan.process.meetings if m.date is not None]
        if dates:
            return max(dates)
    return None


def document_properties(plan: Plan) -> Properties:
    """The core properties of the plan's document."""
    return _properties(plan)


def _properties(plan: Plan) -> Properties:
    info = plan.plan
    comune = _comune_name(plan)
    if info.office:
        author = msg.AUTHOR_WITH_OFFICE.format(office=info.office, comune=comune)
    elif info.authors:
        author = msg.LIST_SEPARATOR.join(info.authors)
    else:
        author = comune
    date = _document_date(plan)
    created = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC) if date else None
    return Properties(
        title=info.title,
        subject=msg.SUBJECT.format(comune=comune),
        author=author,
        keywords=msg.KEYWORDS.format(comune=plan.comune.name),
        category=msg.CATEGORY,
        comments=msg.COMMENTS.format(status=_status_label(plan)),
        content_status=_status_label(plan),
        version=info.version or "",
        created=created,
    )


def _cover(plan: Plan, national: NationalPlan, edition: Edition, draft: bool) -> Cover:
    info = plan.plan
    partners = tuple(p.name for p in plan.comune.partners)
    comune_line = _comune_name(plan)
    if plan.comune.province:
        comune_line = msg.COMUNE_WITH_PROVINCE.format(
            comune=comune_line, province=plan.comune.province
        )
    version = open_value(info.version, "plan.version")
    if draft:
        # A draft has no date of its own: the period says when it applies, the version
        # and its state say which draft it is (the period's start is not its date).
        facts = [
            Fact(msg.COVER_PERIOD, _period(plan)),
            Fact(
                msg.COVER_VERSION,
                msg.COVER_DRAFT_VERSION.format(version=version, status=_status_label(plan)),
            ),
        ]
    else:
        facts = [
            Fact(msg.COVER_PERIOD, _period(plan)),
            Fact(msg.COVER_STATUS, _status_label(plan)),
            Fact(msg.COVER_VERSION, version),
        ]
    if not draft or info.adoption is not None:
        facts.append(Fact(msg.COVER_ADOPTION, _adoption(plan)))
    facts.append(Fact(msg.COVER_OFFICE, open_value(info.office, "plan.office")))
    if info.authors:
        facts.append(Fact(msg.COVER_AUTHORS, msg.LIST_SEPARATOR.join(info.authors)))
    if partners:
        facts.append(Fact(msg.COVER_PARTNERS, msg.LIST_SEPARATOR.join(partners)))
    facts.append(Fact(msg.COVER_NATIONAL_PLAN, national.short_title))
    facts.append(Fact(msg.COVER_EDITION, msg.EDITIONS[edition]))
    return Cover(
        comune_line=comune_line,
        title=info.title,
        # The usual title already says it: no subtitle repeating it.
        subtitle="" if "multisettoriale" in info.title.casefold() else msg.COVER_SUBTITLE,
        facts=tuple(facts),
        draft=draft,
        draft_mark=msg.DRAFT_MARK
        if plan.effective_status == "bozza"
        else msg.DRAFT_MARK_CONSULTATION,
    )


def _national_view(national: NationalPlan, plan: Plan) -> NationalPlanView:
    axes = []
    for axis in national.axes:
        actions = tuple(
            ActionRef(a.number, a.label, axis.label) for a in national.actions_of_axis(axis.id)
        )
        axes.append(AxisView(axis.number, axis.id, axis.label, axis.description, actions))
    approval = tuple(
        msg.APPROVAL_STEP.format(date=_partial_date(step.date), body=step.body, act=step.act)
        for step in national.approval
    )
    sources = tuple(
        msg.SOURCE_WITH_PUBLISHER.format(title=s.title, publisher=s.publisher)
        if s.publisher
        else s.title
        for s in national.sources
    )
    return NationalPlanView(
        id=national.id,
        title=national.title,
        short_title=national.short_title,
        period=msg.YEARS.format(start=national.period.start, end=national.period.end),
        approval=approval,
        still_in_force=_still_in_force(national, plan),
        axes=tuple(axes),
        action_count=len(national.actions),
        thematic_areas=tuple(a.label for a in national.thematic_areas),
        transversal_areas=tuple(a.label for a in national.transversal_areas),
        sources=sources,
    )


def _reference_year(plan: Plan) -> int | None:
    """The year the document speaks from: its period's start, else its own date."""
    period = plan.plan.period
    if period is not None and period.start:
        return fmt.parse_month(period.start).year
    date = _document_date(plan)
    return date.year if date is not None else None


def _still_in_force(national: NationalPlan, plan: Plan) -> str | None:
    """A neutral sentence for a plan that starts after the national plan's period.

    Never the catalogue's status note: that is dated (it cites acts of later years) and a
    document must not state facts dated after its own reference date.
    """
    year = _reference_year(plan)
    if year is None or year <= int(national.period.end):
        return None
    return msg.NATIONAL_STILL_IN_FORCE.format(plan=national.short_title)


def _partial_date(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 3:
        return fmt.long_date(dt.date(int(parts[0]), int(parts[1]), int(parts[2])))
    if len(parts) == 2:
        return fmt.month(value)
    return value


def _intro(plan: Plan, national: NationalPlan, counts: Counts) -> Intro:
    info = plan.plan
    return Intro(
        comune=_comune_name(plan),
        partners=tuple(p.name for p in plan.comune.partners),
        region=open_value(plan.comune.region, "comune.region"),
        province=open_value(plan.comune.province, "comune.province"),
        period=_period(plan),
        status_label=_status_label(plan),
        adopted=plan.effective_status == "adottato",
        adoption=_adoption(plan),
        office=open_value(info.office, "plan.office"),
        authors=tuple(info.authors),
        national=_national_view(national, plan),
        counts=counts,
    )


def _territory(plan: Plan) -> Territory:
    ctx = plan.context
    month_labels = tuple(fmt.month_abbr(m) for m in range(1, 13))
    month_names = tuple(fmt.month_name(m) for m in range(1, 13))
    if ctx is None:
        return Territory(
            description=(open_value(None, "context"),),
            month_labels=month_labels,
            month_names=month_names,
            crops=(),
            crops_open=Placeholder(OPEN_LABELS["context.crops"]),
            demand=(),
            workforce=(),
            workforce_open=Placeholder(OPEN_LABELS["context.workforce"]),
            settlements=(),
            services=(),
            sources=(),
        )
    crops = []
    workers = [0] * 12
    unknown = [False] * 12
    in_peak: list[list[str]] = [[] for _ in range(12)]
    for crop in ctx.crops:
        months = tuple(m in crop.peak_months for m in range(1, 13))
        peak = msg.LIST_SEPARATOR.join(month_names[m - 1] for m in sorted(crop.peak_months))
        for m in crop.peak_months:
            in_peak[m - 1].append(crop.name)
            if crop.workers is None:
                unknown[m - 1] = True
            else:
                workers[m - 1] += crop.workers
        crops.append(
            CropRow(
                name=crop.name,
                months=months,
                peak=peak or DASH,
                workers=fmt.integer(crop.workers) if crop.workers is not None else DASH,
            )
        )
    workforce: list[Fact] = []
    if ctx.workforce is not None:
        for key, label in msg.WORKFORCE_LABELS.items():
            value = getattr(ctx.workforce, key)
            if value is not None:
                workforce.append(Fact(label, fmt.integer(value)))
    description: tuple[Value, ...] = paragraphs(ctx.description) or (
        open_value(None, "context.description"),
    )
    return Territory(
        description=description,
        month_labels=month_labels,
        month_names=month_names,
        crops=tuple(crops),
        crops_open=None if crops else Placeholder(OPEN_LABELS["context.crops"]),
        demand=tuple(
            DemandRow(
                month=month_names[i].capitalize(),
                crops=msg.LIST_SEPARATOR.join(in_peak[i]) or DASH,
                workers=_workers(workers[i], unknown[i], bool(in_peak[i])),
            )
            for i in range(12)
        )
        if any(in_peak)
        else (),
        workforce=tuple(workforce),
        workforce_open=None if workforce else Placeholder(OPEN_LABELS["context.workforce"]),
        settlements=paragraphs(ctx.settlements),
        services=paragraphs(ctx.services),
        sources=tuple(ctx.sources),
    )


def _workers(total: int, unknown: bool, peak: bool) -> str:
    if not peak:
        return DASH
    if unknown:
        return (
            msg.WORKERS_AT_LEAST.format(count=fmt.integer(total)) if total else msg.WORKERS_UNKNOWN
        )
    return fmt.integer(total)


def _process(plan: Plan, names: _Names) -> ProcessView:
    meetings = list(plan.process.meetings) if plan.process else []
    # Sorted by date (undated last), stable for equal dates.
    ordered = sorted(
        enumerate(meetings), key=lambda im: (im[1].date is None, im[1].date or dt.date.min, im[0])
    )
    kinds: Counter[str] = Counter(m.kind or "altro" for m in meetings)
    by_kind = tuple(
        KindCount(msg.MEETING_KINDS_PLURAL[k], kinds[k]) for k in msg.MEETING_KINDS if kinds[k]
    )
    rows = tuple(
        MeetingRow(
            date=nowrap(fmt.long_date(m.date)) if m.date else DASH,
            kind=msg.MEETING_KINDS.get(m.kind or "altro", m.kind or DASH),
            table=m.table or DASH,
            participants=fmt.integer(len(set(m.participants))),
            summary=m.summary or DASH,
        )
        for _, m in ordered
    )
    attendance: Counter[str] = Counter()
    for m in meetings:
        attendance.update(set(m.participants))
    organisations = sorted(
        (
            Organisation(
                name=names.stakeholder(sid),
                type_label=names.actor_type(_type_of(plan, sid)),
                meetings=count,
            )
            for sid, count in attendance.items()
        ),
        key=lambda o: (-o.meetings, o.name.casefold(), o.name),
    )
    dates = sorted(m.date for m in meetings if m.date is not None)
    tables = sorted({m.table for m in meetings if m.table}, key=lambda t: (t.casefold(), t))
    return ProcessView(
        total=len(meetings),
        by_kind=by_kind,
        meetings=rows,
        organisations=tuple(organisations),
        span=_span(dates[0], dates[-1]) if dates else None,
        tables=tuple(tables),
    )


def _span(first: dt.date, last: dt.date) -> str:
    """ "il 4 novembre 2026", "dal 14 ottobre al 4 novembre 2026", "dal 12 ottobre 2022
    all'8 novembre 2023"."""
    if first == last:
        return fmt.date_after("il", first)
    start = fmt.date_after("dal", first)
    if first.year == last.year:
        start = start.removesuffix(f" {first.year}")
    return msg.DATE_SPAN.format(start=start, end=fmt.date_after("al", last))


def _type_of(plan: Plan, stakeholder_id: str) -> str | None:
    found = plan.stakeholder(stakeholder_id)
    return found.type if found is not None else None


def _central(plan: Plan) -> Stakeholder | None:
    comuni = [s for s in plan.stakeholders if s.type == "comune"]
    for s in comuni:
        if plan.comune.name.casefold() in s.name.casefold():
            return s
    if plan.stakeholder("comune") is not None:
        return plan.stakeholder("comune")
    return comuni[0] if comuni else None


def _body(
    name: str, topic: str, coordinator: str | None, members: Iterable[str], cadence: str | None
) -> BodyView:
    return BodyView(name, topic, coordinator, tuple(members), cadence)


def _network(plan: Plan, names: _Names) -> Network:
    central = _central(plan)
    rows = []
    grid = []
    missing = []
    for number, s in enumerate(plan.stakeholders, start=1):
        power = str(s.power) if s.power is not None else text(open_value(None, "stakeholder.power"))
        interest = (
            str(s.interest)
            if s.interest is not None
            else text(open_value(None, "stakeholder.interest"))
        )
        if s.power is not None and s.interest is not None:
            grid.append(GridPoint(s.name, s.power, s.interest, number))
            where = power_interest_quadrant(s.power, s.interest)
        else:
            missing.append(s.name)
            where = DASH
        rows.append(
            StakeholderRow(
                number=number,
                id=s.id,
                name=s.name,
                type_label=names.actor_type(s.type),
                level=names.level(s.level),
                role=open_value(s.role, "stakeholder.role"),
                engagement=names.engagement(s.engagement),
                power=power,
                interest=interest,
                quadrant=where,
                commitments=s.commitments or DASH,
            )
        )
    relations = tuple(
        RelationRow(
            source=names.stakeholder(r.from_),
            target=names.stakeholder(r.to),
            kind=msg.RELATION_KINDS.get(r.kind or "", DASH),
            label=r.label or DASH,
        )
        for r in plan.relations
    )
    central_id = central.id if central is not None else None
    linked = {central_id} | {r.from_ for r in plan.relations} | {r.to for r in plan.relations}
    nodes = tuple(
        FigureNode(s.id, s.name, names.actor_type(s.type), s.id == central_id, number)
        for number, s in enumerate(plan.stakeholders, start=1)
        if s.id in linked
    )
    known = {s.id for s in plan.stakeholders}
    edges = tuple(
        FigureEdge(r.from_, r.to, r.label or msg.RELATION_KINDS.get(r.kind or "", "") or None)
        for r in plan.relations
        if r.from_ in known and r.to in known
    )
    gov = plan.governance
    steering = None
    if gov is not None and gov.steering_body is not None:
        sb = gov.steering_body
        steering = _body(
            sb.name or msg.STEERING_DEFAULT_NAME,
            msg.STEERING_TOPIC,
            names.stakeholder(sb.coordinator) if sb.coordinator else None,
            names.stakeholders(sb.members),
            sb.cadence,
        )
    tables = tuple(
        _body(
            t.name,
            text(names.need_area(t.topic)) if t.topic else DASH,
            None,
            names.stakeholders(t.members),
            None,
        )
        for t in (gov.tables if gov else [])
    )
    return Network(
        central=central.name if central is not None else None,
        stakeholders=tuple(rows),
        stakeholders_open=None if rows else Placeholder(OPEN_LABELS["stakeholders"]),
        relations=relations,
        nodes=nodes,
        edges=edges,
        grid=tuple(grid),
        network_alt=network_alt_text(nodes, edges),
        grid_alt=power_interest_alt_text(grid),
        grid_missing=tuple(missing),
        steering=steering,
        steering_open=None
        if steering is not None
        else Placeholder(
            OPEN_LABELS["governance.steering_body" if gov is not None else "governance"]
        ),
        tables=tables,
    )


def _actions_text(measure: Measure, names: _Names) -> str:
    if not measure.actions:
        return text(open_value(None, "measure.actions"))
    return msg.LIST_SEPARATOR.join(msg.ACTION_CODE.format(number=n) for n in measure.actions)


def _strategy(plan: Plan, names: _Names) -> Strategy:
    by_axis: dict[str, list[StrategyMeasure]] = {a.id: [] for a in names.national.axes}
    unassigned = []
    for m in plan.measures:
        item = StrategyMeasure(
            m.id, m.title, open_value(m.objective, "measure.objective"), _actions_text(m, names)
        )
        axis = names.national.axis_of_action(m.primary_action)
        if axis is None:
            unassigned.append(item)
        else:
            by_axis[axis.id].append(item)
    axes = tuple(
        StrategyAxis(
            number=axis.number,
            label=axis.label,
            description=axis.description,
            actions=tuple(
                ActionRef(a.number, a.label, axis.label)
                for a in names.national.actions_of_axis(axis.id)
            ),
            measures=tuple(by_axis[axis.id]),
        )
        for axis in names.national.axes
    )
    return Strategy(axes=axes, unassigned=tuple(unassigned))


def _needs(plan: Plan, names: _Names) -> Needs:
    def key(item: tuple[int, Need]) -> tuple[int, int, int, int]:
        index, n = item
        return (-(n.priority or 0), -(n.severity or 0), -(n.urgency or 0), index)

    ordered = sorted(enumerate(plan.needs), key=key)
    items = []
    for rank, (_, n) in enumerate(ordered, start=1):
        items.append(
            NeedView(
                rank=rank,
                id=n.id,
                area=names.need_area(n.area),
                description=open_value(" ".join(paragraphs(n.description)), "need.description"),
                evidence=" ".join(paragraphs(n.evidence)) or None,
                source=n.source,
                target_group=n.target_group or DASH,
                people=fmt.integer(n.people) if n.people is not None else DASH,
                severity=open_value(n.severity, "need.severity"),
                urgency=open_value(n.urgency, "need.urgency"),
                priority=str(n.priority) if n.priority is not None else DASH,
                priority_value=n.priority,
                measures=names.measures_for_need(n.id),
            )
        )
    return Needs(
        items=tuple(items),
        open=None if items else Placeholder(OPEN_LABELS["needs"]),
        unaddressed=tuple(i.id for i in items if not i.measures),
    )


def _timing(measure: Measure) -> Value:
    if measure.start is None and measure.end is None:
        return Placeholder(msg.TIMING_OPEN)
    start = nowrap(fmt.month(measure.start)) if measure.start else open_value(None, "measure.start")
    end = nowrap(fmt.month(measure.end)) if measure.end else open_value(None, "measure.end")
    return msg.RANGE.format(start=start, end=end)


def _indicator_rows(measure: Measure) -> tuple[IndicatorRow, ...]:
    return tuple(
        IndicatorRow(
            measure=measure.id,
            name=i.name,
            kind=msg.INDICATOR_KINDS[i.kind] if i.kind else open_value(None, "indicator.kind"),
            unit=i.unit or DASH,
            baseline=fmt.number(i.baseline) if i.baseline is not None else DASH,
            target=fmt.number(i.target)
            if i.target is not None
            else open_value(None, "indicator.target"),
            verification=i.verification or DASH,
        )
        for i in measure.indicators
    )


def _measure_card(measure: Measure, names: _Names) -> MeasureCard:
    actions: Value | tuple[Value, ...]
    if measure.actions:
        refs = [names.action(n, primary=i == 0) for i, n in enumerate(measure.actions)]
        actions = tuple(
            (msg.PRIMARY_ACTION if r.primary else msg.SECONDARY_ACTION).format(
                action=r.text, axis=r.axis_label
            )
            for r in refs
        )
    else:
        actions = open_value(None, "measure.actions")
    needs: Value | tuple[Value, ...] = (
        tuple(names.need_short(n) for n in measure.needs)
        if measure.needs
        else open_value(None, "measure.needs")
    )
    lead = names.stakeholder(measure.lead) if measure.lead else open_value(None, "measure.lead")
    partners: Value | tuple[Value, ...] = (
        names.stakeholders(measure.partners) if measure.partners else msg.NO_PARTNERS
    )
    lines = tuple(
        BudgetLineView(
            source=names.funding(b.source),
            amount=b.amount,
            amount_text=fmt.money(b.amount)
            if b.amount is not None
            else open_value(None, "budget.amount"),
            note=b.note or DASH,
        )
        for b in measure.budget
    )
    total = measure.total_budget
    facts = (
        Fact(msg.CARD_OBJECTIVE, open_value(measure.objective, "measure.objective")),
        Fact(
            msg.CARD_DESCRIPTION,
            paragraphs(measure.description) or open_value(None, "measure.description"),
        ),
        Fact(msg.CARD_ACTIONS, actions),
        Fact(msg.CARD_NEEDS, needs),
        Fact(msg.CARD_LEAD, lead),
        Fact(msg.CARD_PARTNERS, partners),
        Fact(msg.CARD_TIMING, _timing(measure)),
        Fact(
            msg.CARD_BUDGET,
            fmt.money(total) if measure.budget else open_value(None, "measure.budget"),
        ),
    )
    return MeasureCard(
        id=measure.id,
        title=measure.title,
        facts=facts,
        budget=lines,
        budget_open=None if lines else Placeholder(OPEN_LABELS["measure.budget"]),
        total=total,
        total_text=fmt.money(total),
        indicators=_indicator_rows(measure),
        indicators_open=None
        if measure.indicators
        else Placeholder(OPEN_LABELS["measure.indicators"]),
        risks=tuple(RiskRow(r.risk, r.mitigation or DASH) for r in measure.risks),
    )


def _coherence(plan: Plan, names: _Names) -> Coherence:
    national = names.national
    numbers = national.action_numbers
    rows = []
    primary: dict[int, list[str]] = {n: [] for n in numbers}
    secondary: dict[int, list[str]] = {n: [] for n in numbers}
    unknown: set[int] = set()
    for m in plan.measures:
        cells = []
        for n in numbers:
            if m.primary_action == n:
                cells.append(PRIMARY_MARK)
            elif n in m.actions:
                cells.append(SECONDARY_MARK)
            else:
                cells.append("")
        rows.append(MatrixRow(msg.MEASURE_REF.format(id=m.id, title=m.title), tuple(cells)))
        for i, n in enumerate(m.actions):
            if n not in primary:
                unknown.add(n)
                continue
            (primary if i == 0 else secondary)[n].append(m.id)
    actions = []
    for a in national.actions:
        axis = national.axis(a.axis)
        actions.append(
            ActionCoverage(
                number=a.number,
                label=a.label,
                axis=axis.label if axis is not None else a.axis,
                primary=tuple(primary[a.number]),
                secondary=tuple(dict.fromkeys(secondary[a.number])),
                covered=bool(primary[a.number] or secondary[a.number]),
            )
        )
    axes = []
    for axis in national.axes:
        numbers_on_axis = {a.number for a in national.actions_of_axis(axis.id)}
        own = [c for c in actions if c.number in numbers_on_axis]
        measures = {mid for c in own for mid in (*c.primary, *c.secondary)}
        axes.append(
            AxisCoverage(
                label=msg.AXIS_REF.format(number=axis.number, label=axis.label),
                actions=len(own),
                covered=sum(c.covered for c in own),
                measures=len(measures),
                uncovered=tuple(
                    msg.ACTION_CODE.format(number=c.number) for c in own if not c.covered
                ),
            )
        )
    return Coherence(
        columns=tuple(msg.ACTION_CODE.format(number=n) for n in numbers),
        rows=tuple(rows),
        actions=tuple(actions),
        axes=tuple(axes),
        uncovered=tuple(
            msg.ACTION_REF.format(number=c.number, label=c.label) for c in actions if not c.covered
        ),
        unknown=tuple(msg.ACTION_CODE.format(number=n) for n in sorted(unknown)),
    )


def _gantt_range(plan: Plan) -> tuple[int, int] | None:
    period = plan.plan.period
    starts = [fmt.month_index(m.start) for m in plan.measures if m.start]
    ends = [fmt.month_index(m.end) for m in plan.measures if m.end]
    start = fmt.month_index(period.start) if period and period.start else None
    end = fmt.month_index(period.end) if period and period.end else None
    if start is None:
        start = min(starts + ends, default=None)
    if end is None:
        end = max(starts + ends, default=None)
    if start is None or end is None:
        return None
    # Measures outside the period are a finding of the checks; the chart still shows them.
    start = min([start, *starts])
    end = max([end, *ends])
    return (start, end) if end >= start else (end, start)


def _buckets(start: int, end: int) -> tuple[Granularity, list[tuple[int, int, str]]]:
    """Columns of the Gantt table: (first month index, last month index, label)."""
    count = end - start + 1
    if count <= MAX_MONTH_COLUMNS:
        return "month", [
            (i, i, msg.GANTT_MONTH.format(month=fmt.month_abbr(i % 12 + 1), year=i // 12))
            for i in range(start, end + 1)
        ]
    first_q, last_q = start // 3, end // 3
    if last_q - first_q + 1 <= MAX_QUARTER_COLUMNS:
        return "quarter", [
            (q * 3, q * 3 + 2, msg.GANTT_QUARTER.format(quarter=q % 4 + 1, year=q // 4))
            for q in range(first_q, last_q + 1)
        ]
    return "year", [(y * 12, y * 12 + 11, str(y)) for y in range(start // 12, end // 12 + 1)]


def _gantt(plan: Plan) -> Gantt:
    span = _gantt_range(plan)
    if span is None:
        return Gantt("month", (), (), None, "", Placeholder(msg.GANTT_OPEN))
    granularity, buckets = _buckets(*span)
    rows = []
    for m in plan.measures:
        label = msg.MEASURE_REF.format(id=m.id, title=m.title)
        if m.start is None or m.end is None:
            rows.append(GanttRow(label, _timing(m), tuple(False for _ in buckets)))
            continue
        a, b = fmt.month_index(m.start), fmt.month_index(m.end)
        cells = tuple(first <= b and a <= last for first, last, _ in buckets)
        rows.append(GanttRow(label, _timing(m), cells))
    reviews = None
    if plan.monitoring is not None and plan.monitoring.reviews:
        indexes = [fmt.month_index(r) for r in plan.monitoring.reviews]
        reviews = tuple(any(first <= i <= last for i in indexes) for first, last, _ in buckets)
    return Gantt(
        granularity=granularity,
        columns=tuple(label for _, _, label in buckets),
        rows=tuple(rows),
        reviews=reviews,
        range_text=msg.RANGE.format(
            start=fmt.month(fmt.month_from_index(span[0])),
            end=fmt.month(fmt.month_from_index(span[1])),
        ),
        open=None,
    )


def _table(rows: list[tuple[str, str, Decimal]], total: Decimal) -> BudgetTable:
    shares = fmt.shares([amount for _, _, amount in rows], total)
    return BudgetTable(
        rows=tuple(
            BudgetRow(label, detail, amount, fmt.money(amount), share)
            for (label, detail, amount), share in zip(rows, shares, strict=True)
        ),
        total=total,
        total_text=fmt.money(total),
    )


def _budget(plan: Plan, names: _Names) -> Budget:
    total = plan.total_budget
    by_measure = []
    for m in plan.measures:
        sources = dict.fromkeys(text(names.funding(b.source)) for b in m.budget)
        by_measure.append(
            (
                msg.MEASURE_REF.format(id=m.id, title=m.title),
                msg.LIST_SEPARATOR.join(sources) or DASH,
                m.total_budget,
            )
        )
    source_amounts: dict[str, Decimal] = {}
    source_measures: dict[str, set[str]] = {}
    for m in plan.measures:
        for b in m.budget:
            label = text(names.funding(b.source))
            source_amounts[label] = source_amounts.get(label, Decimal(0)) + (b.amount or 0)
            source_measures.setdefault(label, set()).add(m.id)
    by_source = sorted(
        (
            (label, msg.counted(len(source_measures[label]), "misura"), amount)
            for label, amount in source_amounts.items()
        ),
        key=lambda r: (-r[2], r[0].casefold(), r[0]),
    )
    national = names.national
    axis_amounts = {a.id: Decimal(0) for a in national.axes}
    axis_measures: dict[str, list[str]] = {a.id: [] for a in national.axes}
    unassigned_amount = Decimal(0)
    unassigned: list[str] = []
    for m in plan.measures:
        axis = national.axis_of_action(m.primary_action)
        if axis is None:
            unassigned_amount += m.total_budget
            unassigned.append(m.id)
        else:
            axis_amounts[axis.id] += m.total_budget
            axis_measures[axis.id].append(m.id)
    by_axis = [
        (
            msg.AXIS_REF.format(number=a.number, label=a.label),
            msg.LIST_SEPARATOR.join(axis_measures[a.id]) or DASH,
            axis_amounts[a.id],
        )
        for a in national.axes
    ]
    if unassigned:
        by_axis.append((msg.NO_AXIS, msg.LIST_SEPARATOR.join(unassigned), unassigned_amount))
    return Budget(
        by_measure=_table(by_measure, total),
        by_source=_table(by_source, total),
        by_axis=_table(by_axis, total),
        open_lines=sum(1 for m in plan.measures for b in m.budget if b.amount is None),
        unassigned_measures=tuple(unassigned),
        open=None if any(m.budget for m in plan.measures) else Placeholder(msg.BUDGET_OPEN),
    )


def _indicator_summary(kinds: Counter[str | None]) -> str | None:
    total = sum(kinds.values())
    if not total:
        return None
    counted = msg.counted(total, "indicatore")
    present = [k for k in ("output", "outcome", None) if kinds[k]]
    if len(present) == 1:
        kind = msg.INDICATOR_KIND_PHRASES[present[0]]
        if total == 1:
            return msg.NOTE_INDICATOR_COUNT_SINGLE.format(total=counted, kind=kind)
        return msg.NOTE_INDICATOR_COUNTS_ONE_KIND.format(total=counted, kind=kind)
    parts = [
        msg.INDICATOR_COUNT.format(count=kinds[k], kind=msg.INDICATOR_KIND_PHRASES[k])
        for k in present
    ]
    joined = msg.LIST_SEPARATOR.join(parts[:-1]) + msg.AND + parts[-1]
    return msg.NOTE_INDICATOR_COUNTS.format(total=counted, parts=joined)


def _monitoring(plan: Plan) -> Monitoring:
    mon = plan.monitoring
    indicators = tuple(row for m in plan.measures for row in _indicator_rows(m))
    kinds: Counter[str | None] = Counter(i.kind for m in plan.measures for i in m.indicators)
    summary = _indicator_summary(kinds)
    cadence = None
    if plan.governance is not None and plan.governance.steering_body is not None:
        cadence = plan.governance.steering_body.cadence
    if mon is None:
        return Monitoring(
            reporting=(open_value(None, "monitoring"),),
            reviews=(),
            reviews_open=Placeholder(OPEN_LABELS["monitoring.reviews"]),
            cadence=cadence,
            indicators=indicators,
            outputs=kinds["output"],
            outcomes=kinds["outcome"],
            summary=summary,
        )
    reporting: tuple[Value, ...] = paragraphs(mon.reporting) or (
        open_value(None, "monitoring.reporting"),
    )
    reviews = tuple(fmt.month(r) for r in sorted(mon.reviews, key=fmt.month_index))
    return Monitoring(
        reporting=reporting,
        reviews=reviews,
        reviews_open=None if reviews else Placeholder(OPEN_LABELS["monitoring.reviews"]),
        cadence=cadence,
        indicators=indicators,
        outputs=kinds["output"],
        outcomes=kinds["outcome"],
        summary=summary,
    )


def _annexes(
    plan: Plan,
    network: Network,
    process: ProcessView,
    edition: Edition,
    changelog: Sequence[ChangeEntry],
) -> Annexes:
    bodies = tuple(b for b in (network.steering, *network.tables) if b is not None)
    contacts = None
    if edition == "interna":
        contacts = tuple(
            ContactRow(
                organisation=s.name,
                person=s.contact.person or DASH,
                email=s.contact.email or DASH,
                phone=NBSP.join(s.contact.phone.split()) if s.contact.phone else DASH,
            )
            for s in plan.stakeholders
            if s.contact is not None and (s.contact.person or s.contact.email or s.contact.phone)
        )
    changes = tuple(
        ChangeRow(
            version=entry.version or DASH,
            date=nowrap(fmt.long_date(entry.date)) if entry.date else DASH,
            summary=tuple(entry.summary) or (DASH,),
        )
        for entry in changelog
    )
    present: list[tuple[AnnexKey, str, str]] = [
        ("bodies", msg.ANNEX_BODIES, msg.ANNEX_BODIES_CONTENT)
    ]
    if changes:
        present.append(("changelog", msg.ANNEX_CHANGELOG, msg.ANNEX_CHANGELOG_CONTENT))
    if contacts is not None:
        present.append(("contacts", msg.ANNEX_CONTACTS, msg.ANNEX_CONTACTS_CONTENT))
    index = tuple(
        AnnexRef(key, letter, title, content)
        for letter, (key, title, content) in zip(ANNEX_LETTERS, present, strict=False)
    )
    return Annexes(
        index=index,
        bodies=bodies,
        participants=process.organisations,
        contacts=contacts,
        changelog=changes,
    )
