"""What ``incas catalog`` shows: catalogue -> document-model tables and JSON payloads.

Pure functions, no printing: the command prints the blocks of a view (a table, and a note
under it when a mark needs explaining) through the terminal writer, or dumps the payload
as JSON. Keeping them here lets a command stay a short recipe.
"""

from __future__ import annotations

from typing import Any

from incas_cli.catalog.model import Catalog, NationalPlan, PriorityAction
from incas_cli.document.model import Cell, Column, Paragraph, Table
from incas_cli.formats import join_and, numeric_date
from incas_cli.messages import catalog as msg

View = tuple[Table] | tuple[Table, Paragraph]
"""A catalogue table, with the note that explains its marks when it has any."""


def _view(
    title: str, columns: tuple[Column, ...], rows: list[tuple[Cell, ...]], note: str | None = None
) -> View:
    table = Table(title, columns, tuple(rows))
    return (table,) if note is None else (table, Paragraph((note,), style="note"))


def _numbers(actions: list[PriorityAction]) -> str:
    return ", ".join(str(a.number) for a in actions) or msg.NONE


def axes_view(plan: NationalPlan) -> View:
    """The axes of a national plan with the numbers of their actions."""
    by_axis = plan.actions_by_axis()
    return _view(
        msg.TITLE_AXES.format(plan=plan.short_title),
        (
            Column(msg.COL_NUMBER, "right"),
            Column(msg.COL_AXIS),
            Column(msg.COL_ACTIONS),
            Column(msg.COL_DESCRIPTION),
        ),
        [
            (
                str(axis.number),
                (axis.label, f"({axis.id})"),
                _numbers(by_axis[axis.id]),
                axis.description,
            )
            for axis in plan.axes
        ],
    )


def axes_payload(plan: NationalPlan) -> dict[str, Any]:
    """JSON: ``{"national_plan": id, "axes": [{..., "actions": [1, 2]}]}``."""
    by_axis = plan.actions_by_axis()
    return {
        "national_plan": plan.id,
        "axes": [
            {**axis.model_dump(mode="json"), "actions": [a.number for a in by_axis[axis.id]]}
            for axis in plan.axes
        ],
    }


def actions_view(plan: NationalPlan) -> View:
    """The priority actions with axis (marked when inferred) and expected result."""
    rows: list[tuple[Cell, ...]] = []
    for action in plan.actions:
        axis = plan.axis(action.axis)
        label = axis.label if axis else action.axis
        if action.axis_inferred:
            label += msg.INFERRED_MARK
        rows.append((str(action.number), action.label, label, action.expected_result))
    inferred = any(a.axis_inferred for a in plan.actions)
    return _view(
        msg.TITLE_ACTIONS.format(plan=plan.short_title),
        (
            Column(msg.COL_NUMBER, "right"),
            Column(msg.COL_ACTION),
            Column(msg.COL_AXIS),
            Column(msg.COL_EXPECTED_RESULT),
        ),
        rows,
        msg.INFERRED_NOTE if inferred else None,
    )


def actions_payload(plan: NationalPlan) -> dict[str, Any]:
    """JSON: every field of every action (typical measures included)."""
    return {
        "national_plan": plan.id,
        "actions": [a.model_dump(mode="json") for a in plan.actions],
    }


def actors_view(catalog: Catalog) -> View:
    """The actor types, their usual level and role."""
    return _view(
        msg.TITLE_ACTORS,
        (
            Column(msg.COL_ACTOR_TYPE),
            Column(msg.COL_LEVEL, fixed=True),
            Column(msg.COL_ROLE),
        ),
        [
            (
                (actor.label, f"({actor.id})"),
                catalog.levels[actor.default_level].label,
                actor.usual_role,
            )
            for actor in catalog.actor_types.values()
        ],
    )


def actors_payload(catalog: Catalog) -> dict[str, Any]:
    """JSON: ``{"actor_types": [...], "levels": [...]}``."""
    return {
        "actor_types": [a.model_dump(mode="json") for a in catalog.actor_types.values()],
        "levels": [lv.model_dump(mode="json") for lv in catalog.levels.values()],
    }


def needs_view(catalog: Catalog, plan: NationalPlan) -> View:
    """The need areas with the national actions they usually relate to."""
    return _view(
        msg.TITLE_NEEDS.format(plan=plan.short_title),
        (
            Column(msg.COL_NEED_AREA),
            Column(msg.COL_ACTIONS, fixed=True),
            Column(msg.COL_DESCRIPTION),
        ),
        [
            (
                (area.label, f"({area.id})"),
                _numbers(plan.actions_for_need_area(area.id)),
                area.description,
            )
            for area in catalog.need_areas.values()
        ],
    )


def needs_payload(catalog: Catalog, plan: NationalPlan) -> dict[str, Any]:
    """JSON: each need area with ``actions``, the numbers of the related actions."""
    return {
        "national_plan": plan.id,
        "need_areas": [
            {
                **area.model_dump(mode="json"),
                "actions": [a.number for a in plan.actions_for_need_area(area.id)],
            }
            for area in catalog.need_areas.values()
        ],
    }


def funding_view(catalog: Catalog) -> View:
    """The funding sources with period, deadline and notes."""
    rows: list[tuple[Cell, ...]] = []
    for source in catalog.funding_sources.values():
        name = [source.label]
        if source.full_name and source.full_name != source.label:
            name.append(source.full_name)
        notes = [source.description]
        if source.period:
            notes.append(source.period)
        if source.end_date:
            notes.append(msg.END_DATE_NOTE.format(date=numeric_date(source.end_date)))
        if source.regions:
            notes.append(msg.REGIONS_NOTE.format(regions=join_and(source.regions)))
        if source.notes:
            notes.append(source.notes)
        rows.append(((*name, f"({source.id})"), tuple(notes)))
    return _view(msg.TITLE_FUNDING, (Column(msg.COL_SOURCE), Column(msg.COL_PERIOD)), rows)


def funding_payload(catalog: Catalog) -> dict[str, Any]:
    """JSON: ``{"funding_sources": [...]}`` (dates as ``YYYY-MM-DD``)."""
    return {
        "funding_sources": [s.model_dump(mode="json") for s in catalog.funding_sources.values()]
    }


def measures_view(plan: NationalPlan, action: PriorityAction | None = None) -> View:
    """Typical local measures: of one action, or of all (then the cross-cutting ones)."""
    if action is not None:
        return _view(
            msg.TITLE_MEASURES_ONE.format(number=action.number, label=action.label),
            (Column(msg.COL_MEASURE), Column(msg.COL_DESCRIPTION)),
            [(m.title, m.description) for m in action.typical_measures],
        )
    rows: list[tuple[Cell, ...]] = []
    for each in plan.actions:
        for index, measure in enumerate(each.typical_measures):
            number = str(each.number) if index == 0 else ""
            rows.append((number, measure.title, measure.description))
    for index, measure in enumerate(plan.cross_cutting_measures):
        rows.append((msg.CROSS_CUTTING if index == 0 else "", measure.title, measure.description))
    return _view(
        msg.TITLE_MEASURES.format(plan=plan.short_title),
        (
            Column(msg.COL_ACTION, fixed=True),
            Column(msg.COL_MEASURE),
            Column(msg.COL_DESCRIPTION),
        ),
        rows,
    )


def measures_payload(plan: NationalPlan, action: PriorityAction | None = None) -> dict[str, Any]:
    """JSON: the actions (one, or all) with their typical measures, and the cross-cutting ones."""
    actions = [action] if action is not None else list(plan.actions)
    payload: dict[str, Any] = {
        "national_plan": plan.id,
        "actions": [
            {
                "number": a.number,
                "label": a.label,
                "typical_measures": [m.model_dump(mode="json") for m in a.typical_measures],
            }
            for a in actions
        ],
    }
    if action is None:
        payload["cross_cutting_measures"] = [
            m.model_dump(mode="json") for m in plan.cross_cutting_measures
        ]
    return payload


def plans_view(catalog: Catalog) -> View:
    """The national plans in the catalogue; the default one is marked."""
    rows: list[tuple[Cell, ...]] = []
    for plan in catalog.national_plans.values():
        mark = msg.DEFAULT_MARK if plan.id == catalog.default_national_plan else ""
        summary = msg.PLAN_SUMMARY.format(axes=len(plan.axes), actions=len(plan.actions))
        text = (plan.title, summary, *((plan.status_note,) if plan.status_note else ()))
        rows.append((f"{plan.id}{mark}", text))
    return _view(
        msg.TITLE_PLANS, (Column(msg.COL_ID), Column(msg.COL_PLAN)), rows, msg.DEFAULT_NOTE
    )


def plans_payload(catalog: Catalog) -> dict[str, Any]:
    """JSON: the default plan id and every plan's id, title, period, axes and actions count."""
    return {
        "default_national_plan": catalog.default_national_plan,
        "national_plans": [
            {
                "id": plan.id,
                "title": plan.title,
                "short_title": plan.short_title,
                "period": plan.period.model_dump(mode="json"),
                "axes": len(plan.axes),
                "actions": len(plan.actions),
                "status_note": plan.status_note,
            }
            for plan in catalog.national_plans.values()
        ],
    }
