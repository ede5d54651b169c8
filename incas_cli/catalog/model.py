"""The catalogue's own model: what the packaged JSON files may say, and its invariants.

Lists of things with an ``id`` are written in the data files as JSON arrays (their order is
the order users see) and held here as dicts keyed by id, in file order. Every model is
frozen and forbids unknown fields, so a typo in a data file is an error, not a silent
default.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from incas_cli.catalog.names import normalize_name
from incas_cli.messages import catalog as msg

T = TypeVar("T")

SLUG_PATTERN = r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
PartialDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")]
Level = Slug

#: Placeholders that the patterns of the usual stakeholders may use.
NAME_PLACEHOLDERS = ("comune", "provincia", "sigla", "regione")
ID_PLACEHOLDERS = ("sigla",)


def _keyed_by_id(value: Any) -> Any:
    """A JSON array of objects with ``id`` -> a dict keyed by id, keeping the order."""
    if isinstance(value, Mapping):
        return value
    if not isinstance(value, list | tuple):
        raise ValueError(msg.NOT_A_LIST)
    keyed: dict[str, Any] = {}
    for index, item in enumerate(value):
        if isinstance(item, BaseModel):
            key = getattr(item, "id", None)
        elif isinstance(item, Mapping):
            key = item.get("id")
        else:
            key = None
        if not isinstance(key, str):
            raise ValueError(msg.ITEM_WITHOUT_ID.format(index=index))
        if key in keyed:
            raise ValueError(msg.DUPLICATE_ID.format(id=key))
        keyed[key] = item
    return keyed


#: A collection written as a list of objects with ``id`` and read as a dict keyed by id.
ById = Annotated[dict[str, T], BeforeValidator(_keyed_by_id)]


def _check_keys_match_ids(items: Mapping[str, Any]) -> None:
    for key, item in items.items():
        if getattr(item, "id", key) != key:
            raise ValueError(msg.DUPLICATE_ID.format(id=key))


def _placeholders(pattern: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(pattern) if field is not None]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- the national plan ---------------------------------------------------------------------


class Source(_Frozen):
    """Where a fact comes from."""

    title: Text
    publisher: Text | None = None
    url: Text | None = None
    date: PartialDate | None = None
    note: Text | None = None


class Period(_Frozen):
    """The years a national plan covers."""

    start: int = Field(ge=1900, le=2200)
    end: int = Field(ge=1900, le=2200)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(msg.PERIOD_REVERSED.format(start=self.start, end=self.end))
        return self


class ApprovalStep(_Frozen):
    """One step of a national plan's approval (a body, a date, an act)."""

    date: PartialDate
    body: Text
    act: Text
    note: Text | None = None


class Development(_Frozen):
    """A dated fact about what followed a national plan: told from ``date`` on, never before."""

    date: date
    text: Text
    """One or more Italian sentences, as the document prints them."""
    source: Text | None = None


class Axis(_Frozen):
    """A strategic axis (*asse*) of a national plan."""

    id: Slug
    number: int = Field(ge=1)
    label: Text
    description: Text


class TypicalMeasure(_Frozen):
    """A local measure that usually implements a national action."""

    title: Text
    description: Text


class PriorityAction(_Frozen):
    """A priority action (*azione prioritaria*) of a national plan."""

    number: int = Field(ge=1)
    label: Text
    """The short label (as the press and the Ministry's releases use it)."""
    wording: Text | None = None
    """The plan's own wording, written as an expected result; ``None`` where not known."""
    axis: Slug
    axis_inferred: bool = False
    """True when the axis is inferred (e.g. from the title), not stated by a source."""
    expected_result: Text
    typical_measures: tuple[TypicalMeasure, ...] = ()


class PlanArea(_Frozen):
    """A thematic or transversal area of a national plan."""

    id: Slug
    kind: Literal["tematica", "trasversale"]
    label: Text
    actions: tuple[int, ...] = ()
    """The priority actions that mainly implement the area."""


class NationalPlan(_Frozen):
    """A national plan: axes, priority actions, areas, and the facts about it."""

    id: Slug
    title: Text
    short_title: Text
    period: Period
    approval: tuple[ApprovalStep, ...] = ()
    status_note: Text | None = None
    status_as_of: date | None = None
    """The day ``status_note`` and ``developments`` are known up to (no later plan then)."""
    developments: tuple[Development, ...] = ()
    """What followed the plan, in date order (DOMAIN.md section 1)."""
    outline: tuple[Text, ...] = ()
    axes: tuple[Axis, ...] = Field(min_length=1)
    actions: tuple[PriorityAction, ...] = Field(min_length=1)
    areas: tuple[PlanArea, ...] = ()
    need_area_actions: dict[Slug, tuple[int, ...]] = {}
    """Need area id (see the catalogue) -> the actions a need of that area usually calls for."""
    cross_cutting_measures: tuple[TypicalMeasure, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: tuple[Text, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> NationalPlan:
        axis_ids = [axis.id for axis in self.axes]
        for axis_id in axis_ids:
            if axis_ids.count(axis_id) > 1:
                raise ValueError(msg.DUPLICATE_ID.format(id=axis_id))
        axis_numbers = [axis.number for axis in self.axes]
        if axis_numbers != list(range(1, len(self.axes) + 1)):
            raise ValueError(
                msg.AXES_NOT_CONTIGUOUS.format(
                    count=len(self.axes), found=", ".join(map(str, axis_numbers))
                )
            )
        numbers = [action.number for action in self.actions]
        if numbers != list(range(1, len(self.actions) + 1)):
            raise ValueError(
                msg.ACTIONS_NOT_CONTIGUOUS.format(
                    count=len(self.actions), found=", ".join(map(str, numbers))
                )
            )
        for action in self.actions:
            if action.axis not in axis_ids:
                raise ValueError(
                    msg.ACTION_UNKNOWN_AXIS.format(
                        number=action.number, axis=action.axis, axes=", ".join(axis_ids)
                    )
                )
        used_axes = {action.axis for action in self.actions}
        for axis_id in axis_ids:
            if axis_id not in used_axes:
                raise ValueError(msg.AXIS_WITHOUT_ACTIONS.format(axis=axis_id))
        area_ids = [area.id for area in self.areas]
        for area in self.areas:
            if area_ids.count(area.id) > 1:
                raise ValueError(msg.DUPLICATE_ID.format(id=area.id))
            for number in area.actions:
                if number not in numbers:
                    raise ValueError(msg.AREA_UNKNOWN_ACTION.format(area=area.id, number=number))
        for need_area, need_actions in self.need_area_actions.items():
            for number in need_actions:
                if number not in numbers:
                    raise ValueError(
                        msg.NEED_AREA_UNKNOWN_ACTION.format(area=need_area, number=number)
                    )
        return self

    def action(self, number: int) -> PriorityAction | None:
        """The priority action with this number, or ``None``."""
        return next((a for a in self.actions if a.number == number), None)

    def require_action(self, number: int) -> PriorityAction:
        """The priority action with this number; ``UsageError`` saying the valid range."""
        action = self.action(number)
        if action is None:
            from incas_cli.errors import UsageError

            raise UsageError(
                msg.UNKNOWN_ACTION.format(plan_id=self.id, number=number),
                hint=msg.UNKNOWN_ACTION_HINT.format(count=len(self.actions)),
            )
        return action

    def axis(self, axis_id: str) -> Axis | None:
        """The axis with this id, or ``None``."""
        return next((a for a in self.axes if a.id == axis_id), None)

    def axis_of_action(self, number: int | None) -> Axis | None:
        """The axis of the priority action with this number, or ``None`` if no such action."""
        action = None if number is None else self.action(number)
        return None if action is None else self.axis(action.axis)

    @property
    def approved_on(self) -> date | None:
        """The first approval step's day: no local plan can implement this plan before it."""
        for step in self.approval:
            if len(step.date) == len("YYYY-MM-DD"):
                return date.fromisoformat(step.date)
        return None

    def actions_of_axis(self, axis_id: str) -> list[PriorityAction]:
        """The actions on this axis, in number order (empty for an unknown axis)."""
        return [a for a in self.actions if a.axis == axis_id]

    def actions_by_axis(self) -> dict[str, list[PriorityAction]]:
        """Axis id -> its actions; axes in their order, every axis present."""
        return {axis.id: self.actions_of_axis(axis.id) for axis in self.axes}

    @property
    def action_numbers(self) -> list[int]:
        """1..N."""
        return [a.number for a in self.actions]

    @property
    def thematic_areas(self) -> list[PlanArea]:
        """The thematic areas, in file order."""
        return [a for a in self.areas if a.kind == "tematica"]

    @property
    def transversal_areas(self) -> list[PlanArea]:
        """The transversal areas, in file order."""
        return [a for a in self.areas if a.kind == "trasversale"]

    def actions_for_need_area(self, need_area: str) -> list[PriorityAction]:
        """The actions that a need of this area usually calls for (may be empty)."""
        numbers = self.need_area_actions.get(need_area, ())
        return [a for a in self.actions if a.number in numbers]

    def need_areas_of_action(self, number: int) -> list[str]:
        """The need area ids that usually relate to this action, in file order."""
        return [area for area, numbers in self.need_area_actions.items() if number in numbers]


# --- the rest of the catalogue -------------------------------------------------------------


class ActorType(_Frozen):
    """A kind of stakeholder (``stakeholders[].type`` in a plan file)."""

    id: Slug
    label: Text
    description: Text
    usual_role: Text
    examples: tuple[Text, ...] = ()
    default_level: Level


class NeedArea(_Frozen):
    """An area of need (``needs[].area`` and ``governance.tables[].topic``)."""

    id: Slug
    label: Text
    description: Text


class EngagementLevel(_Frozen):
    """How far a stakeholder is engaged, from informing to delegating."""

    id: Slug
    rank: int = Field(ge=1)
    label: Text
    description: Text


class StakeholderLevel(_Frozen):
    """The territorial level a stakeholder acts at."""

    id: Slug
    label: Text
    description: Text


class FundingSource(_Frozen):
    """A funding source for budget lines (``measures[].budget[].source``)."""

    id: Slug
    label: Text
    full_name: Text | None = None
    description: Text
    period: Text | None = None
    end_date: date | None = None
    """The date by which funded projects must end, where the source sets one."""
    assigned_on: date | None = None
    """The day its resources were assigned (PNRR M5C2 2.2: DM 55 of 29 March 2022)."""
    regions: tuple[Text, ...] = ()
    """The Regions (ISTAT names) whose projects the source funds; empty: all of Italy."""
    notes: Text | None = None
    url: Text | None = None


class ComuneRecord(_Frozen):
    """One Comune of ISTAT's list."""

    istat_code: Annotated[str, StringConstraints(pattern=r"^\d{6}$")]
    name: Text
    """The Italian name (*denominazione in italiano*)."""
    province: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    """The province's abbreviation (*sigla automobilistica*), e.g. ``CN``."""
    province_name: Text
    region: Text
    other_name: Text | None = None
    """The name in the other official language (e.g. ``Bozen``), if any."""

    @property
    def official_name(self) -> str:
        """ISTAT's full name: ``Bolzano/Bozen`` for bilingual Comuni, else the name."""
        return f"{self.name}/{self.other_name}" if self.other_name else self.name

    @property
    def province_code(self) -> str:
        """The first three digits of the ISTAT code."""
        return self.istat_code[:3]

    @property
    def display_name(self) -> str:
        """``Saluzzo (CN)``."""
        return f"{self.name} ({self.province})"

    def matches_name(self, name: str) -> bool:
        """Whether ``name`` is this Comune's name, ignoring case, accents and punctuation.

        The Italian name, the other-language name and the full bilingual name all match.
        """
        key = normalize_name(name)
        names = (self.name, self.other_name, self.official_name)
        return any(n is not None and normalize_name(n) == key for n in names)


class UsualStakeholder(_Frozen):
    """A stakeholder that most local plans have, with patterns for its id and name.

    Patterns use ``str.format`` placeholders filled from the plan's Comune: ``{comune}``,
    ``{provincia}`` (province name), ``{sigla}`` (abbreviation; lowercase in ids) and
    ``{regione}``.
    """

    type: Slug
    id: Text
    name: Text
    level: Level | None = None
    names_by_province: dict[str, Text] = {}
    """Province abbreviation -> the name there (no Prefettura in Bolzano, Trento, Aosta)."""

    @field_validator("name")
    @classmethod
    def _name_placeholders(cls, value: str) -> str:
        _check_placeholders(value, NAME_PLACEHOLDERS)
        return value

    @field_validator("names_by_province")
    @classmethod
    def _province_names_placeholders(cls, value: dict[str, str]) -> dict[str, str]:
        for name in value.values():
            _check_placeholders(name, NAME_PLACEHOLDERS)
        return value

    @field_validator("id")
    @classmethod
    def _id_placeholders(cls, value: str) -> str:
        _check_placeholders(value, ID_PLACEHOLDERS)
        return value

    def format_id(self, comune: ComuneRecord) -> str:
        """The stakeholder id for this Comune, e.g. ``prefettura-cn``."""
        return self.id.format(sigla=comune.province.lower())

    def format_name(self, comune: ComuneRecord) -> str:
        """The stakeholder name for this Comune, e.g. ``Prefettura di Cuneo``."""
        pattern = self.names_by_province.get(comune.province, self.name)
        return pattern.format(
            comune=comune.name,
            provincia=comune.province_name,
            sigla=comune.province,
            regione=comune.region,
        )


def _check_placeholders(pattern: str, allowed: tuple[str, ...]) -> None:
    for name in _placeholders(pattern):
        if name not in allowed:
            raise ValueError(
                msg.UNKNOWN_PLACEHOLDER.format(
                    name=name, pattern=pattern, allowed=", ".join("{" + a + "}" for a in allowed)
                )
            )


class SuggestedStakeholder(_Frozen):
    """A usual stakeholder filled in for one Comune (what ``plan init`` pre-fills)."""

    id: Slug
    name: Text
    type: Slug
    level: Level
    role: Text


@functools.cache
def _engagement_levels() -> dict[str, EngagementLevel]:
    from incas_cli.messages import vocab as words
    from incas_cli.models import vocab

    return {
        value: EngagementLevel(
            id=value, rank=rank, label=term.label, description=term.description or ""
        )
        for rank, (value, term) in enumerate(
            vocab.terms(vocab.ENGAGEMENT_LEVELS, words.ENGAGEMENT_LEVELS).items(), start=1
        )
    }


@functools.cache
def _levels() -> dict[str, StakeholderLevel]:
    from incas_cli.messages import vocab as words
    from incas_cli.models import vocab

    return {
        value: StakeholderLevel(id=value, label=term.label, description=term.description or "")
        for value, term in vocab.terms(vocab.LEVELS, words.LEVELS).items()
    }


class Catalog(_Frozen):
    """The whole national catalogue."""

    default_national_plan: Slug
    """The id of the reference national plan (used when a command is not told otherwise)."""
    national_plans: ById[NationalPlan]
    actor_types: ById[ActorType]
    need_areas: ById[NeedArea]
    funding_sources: ById[FundingSource]
    usual_stakeholders: tuple[UsualStakeholder, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: tuple[Text, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        for items in (
            self.national_plans,
            self.actor_types,
            self.need_areas,
            self.funding_sources,
        ):
            _check_keys_match_ids(items)
        if self.default_national_plan not in self.national_plans:
            raise ValueError(msg.UNKNOWN_DEFAULT_PLAN.format(plan_id=self.default_national_plan))
        for actor in self.actor_types.values():
            if actor.default_level not in self.levels:
                raise ValueError(
                    msg.UNKNOWN_LEVEL.format(actor=actor.id, level=actor.default_level)
                )
        for plan in self.national_plans.values():
            for area in plan.need_area_actions:
                if area not in self.need_areas:
                    raise ValueError(msg.UNKNOWN_NEED_AREA.format(plan_id=plan.id, area=area))
        seen: set[str] = set()
        for usual in self.usual_stakeholders:
            if usual.type not in self.actor_types:
                raise ValueError(msg.UNKNOWN_ACTOR_TYPE.format(id=usual.id, type=usual.type))
            if usual.level is not None and usual.level not in self.levels:
                raise ValueError(msg.UNKNOWN_LEVEL.format(actor=usual.id, level=usual.level))
            if usual.id in seen:
                raise ValueError(msg.DUPLICATE_ID.format(id=usual.id))
            seen.add(usual.id)
        return self

    @property
    def engagement_levels(self) -> dict[str, EngagementLevel]:
        """How far a stakeholder is engaged (a vocabulary of the plan file, not data)."""
        return _engagement_levels()

    @property
    def levels(self) -> dict[str, StakeholderLevel]:
        """The territorial levels of stakeholders (a vocabulary of the plan file, not data)."""
        return _levels()

    @property
    def default_plan(self) -> NationalPlan:
        """The reference national plan."""
        return self.national_plans[self.default_national_plan]

    def national_plan(self, plan_id: str) -> NationalPlan | None:
        """The national plan with this id, or ``None``."""
        return self.national_plans.get(plan_id)

    def require_national_plan(self, plan_id: str | None = None) -> NationalPlan:
        """The national plan with this id (the default one for ``None``).

        Raises ``UsageError`` listing the known ids when there is no such plan.
        """
        if plan_id is None:
            return self.default_plan
        plan = self.national_plans.get(plan_id)
        if plan is None:
            from incas_cli.errors import UsageError

            raise UsageError(
                msg.UNKNOWN_NATIONAL_PLAN.format(plan_id=plan_id),
                hint=msg.UNKNOWN_NATIONAL_PLAN_HINT.format(known=", ".join(self.national_plans)),
            )
        return plan

    def with_national_plans(self, *plans: NationalPlan) -> Catalog:
        """A new catalogue with these national plans added (validated again)."""
        from incas_cli.errors import InputError

        ids = list(self.national_plans)
        for plan in plans:
            if plan.id in ids:
                raise InputError(msg.DUPLICATE_NATIONAL_PLAN.format(plan_id=plan.id))
            ids.append(plan.id)
        data = dict(self)
        data["national_plans"] = [*self.national_plans.values(), *plans]
        return Catalog.model_validate(data)

    def usual_stakeholders_for(self, comune: ComuneRecord) -> list[SuggestedStakeholder]:
        """The usual stakeholders of a local plan, named for this Comune."""
        suggested = []
        for usual in self.usual_stakeholders:
            actor = self.actor_types[usual.type]
            suggested.append(
                SuggestedStakeholder(
                    id=usual.format_id(comune),
                    name=usual.format_name(comune),
                    type=usual.type,
                    level=usual.level or actor.default_level,
                    role=actor.usual_role,
                )
            )
        return suggested
