"""Sections about the work: the needs and the measures that answer them."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from incas_cli.catalog import NationalPlan
from incas_cli.messages import wizard as msg
from incas_cli.models.plan import Measure, Need, Plan
from incas_cli.wizard.answers import iso_months, month_names, read_season
from incas_cli.wizard.checking import blocking_at
from incas_cli.wizard.core import Session, next_number_id, show_value
from incas_cli.wizard.form import Field
from incas_cli.wizard.lists import FIX, ListSpec, Opening, ask_opener, edit_list
from incas_cli.wizard.measure_parts import budget, budget_label, indicators, risks
from incas_cli.wizard.network_steps import references
from incas_cli.wizard.prompter import Choice
from incas_cli.wizard.tree import child_list, keys_of, new_map, plain

TOP = keys_of(Plan)
Item = MutableMapping[str, Any]
_OWN_SOURCE = "\x00testo"  # the "I write the source myself" choice (never a catalogue id)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- needs --------------------------------------------------------------------------------


def _need_label(s: Session, item: Item) -> str:
    area = s.catalog.need_areas.get(str(item.get("area")))
    description = _short(show_value(item.get("description")))
    parts = [show_value(item.get("id"))]
    if area is not None:
        parts.append(f"[{area.label}]")
    if description:
        parts.append(description)
    return " ".join(parts)


def needs_step(s: Session) -> list[Field]:
    """The needs: area, description, evidence, target group, people, severity, urgency."""
    items = child_list(s.data, "needs", TOP)
    areas = [Choice(a.label, a.id, a.description) for a in s.catalog.need_areas.values()]

    def fields(item: Item, new: bool) -> list[Field]:
        def ask_area() -> None:
            s.ask_select(item, Need, "area", msg.ASK_NEED_AREA_EDIT, areas)

        def text(name: str, question: str, **options: Any) -> Callable[[], None]:
            def ask() -> None:
                s.ask_text(item, Need, name, question, **options)

            return ask

        def full(ask: Callable[[], None]) -> Callable[[], None]:
            return ask if s.full else _nothing

        def shown_area() -> str:
            area = s.catalog.need_areas.get(str(item.get("area")))
            return area.label if area is not None else show_value(item.get("area"))

        return [
            Field(msg.FIELD_AREA, ask_area, shown_area),
            Field(
                msg.FIELD_DESCRIPTION,
                text("description", msg.ASK_NEED_DESCRIPTION, required=True),
                _shown(item, "description"),
            ),
            Field(
                msg.FIELD_EVIDENCE,
                full(text("evidence", msg.ASK_NEED_EVIDENCE, instruction=msg.EVIDENCE_EXAMPLE)),
                _shown(item, "evidence"),
            ),
            Field(
                msg.FIELD_SOURCE,
                full(text("source", msg.ASK_NEED_SOURCE)),
                _shown(item, "source"),
            ),
            Field(
                msg.FIELD_TARGET,
                full(text("target_group", msg.ASK_NEED_TARGET, instruction=msg.TARGET_EXAMPLE)),
                _shown(item, "target_group"),
            ),
            Field(
                msg.FIELD_PEOPLE,
                full(text("people", msg.ASK_NEED_PEOPLE, skip=msg.UNKNOWN_HINT, number=True)),
                _shown(item, "people"),
            ),
            Field(
                msg.FIELD_SEVERITY,
                text("severity", msg.ASK_NEED_SEVERITY, instruction=msg.SCORE_HINT),
                _shown(item, "severity"),
            ),
            Field(
                msg.FIELD_URGENCY,
                text("urgency", msg.ASK_NEED_URGENCY, instruction=msg.SCORE_HINT),
                _shown(item, "urgency"),
            ),
        ]

    def opener(opening: Opening) -> Item | str | None:
        area = ask_opener(s, opening, msg.ASK_NEED_AREA, msg.NO_MORE_NEEDS, areas)
        if area is None or area == FIX:
            return area
        item = new_map()
        taken = [str(x.get("id")) for x in s.items("needs")]
        s.set(item, Need, "id", next_number_id("N", taken))
        s.set(item, Need, "area", area)
        return item

    spec = ListSpec(
        menu=msg.MENU_NEEDS,
        add=msg.MENU_ADD_NEED,
        label=lambda item: _need_label(s, item),
        opener=opener,
        fields=fields,
        deleted=lambda item: references(s, "need", str(item.get("id"))),
        key="needs",
        noun=msg.NOUN_NEED,
    )

    def ask_list() -> None:
        edit_list(s, items, spec)

    def tidy() -> None:
        if not items and "needs" in s.data:
            del s.data["needs"]

    return [Field(msg.SECTION_LABELS["bisogni"], ask_list), Field(None, tidy)]


def _nothing() -> None:
    """A question of the complete path, on the essential one."""


def _shown(item: Item, key: str) -> Callable[[], str]:
    return lambda: show_value(item.get(key))


# --- measures -----------------------------------------------------------------------------


def _national(s: Session) -> NationalPlan:
    info = s.data.get("plan")
    plan_id = info.get("national_plan") if isinstance(info, MutableMapping) else None
    found = s.catalog.national_plan(str(plan_id)) if plan_id else None
    return found or s.catalog.default_plan


def _measure_label(item: Item) -> str:
    return f"{show_value(item.get('id'))} {_short(show_value(item.get('title')))}".strip()


def measures_step(s: Session) -> list[Field]:
    """The measures, aligned with the national priority actions."""
    items = child_list(s.data, "measures", TOP)
    national = _national(s)
    actions: list[Choice[int]] = []
    for action in national.actions:
        axis = national.axis(action.axis)
        title = msg.ACTION_CHOICE.format(
            number=action.number, label=action.label, axis=axis.label if axis else action.axis
        )
        actions.append(Choice(title, action.number, action.expected_result))

    def opener(opening: Opening) -> Item | str | None:
        primary = ask_opener(s, opening, msg.ASK_MEASURE_PRIMARY, msg.NO_MORE_MEASURES, actions)
        if primary is None or isinstance(primary, str):
            return primary
        item = new_map()
        taken = [str(x.get("id")) for x in s.items("measures")]
        s.set(item, Measure, "id", next_number_id("M", taken))
        s.set(item, Measure, "actions", [primary])
        return item

    spec = ListSpec(
        menu=msg.MENU_MEASURES,
        add=msg.MENU_ADD_MEASURE,
        label=_measure_label,
        opener=opener,
        fields=lambda item, new: _measure_fields(s, national, actions, items, item, new=new),
        key="measures",
        noun=msg.NOUN_MEASURE,
    )

    def ask_list() -> None:
        edit_list(s, items, spec)

    def tidy() -> None:
        if not items and "measures" in s.data:
            del s.data["measures"]

    return [Field(msg.SECTION_LABELS["misure"], ask_list), Field(None, tidy)]


def _measure_fields(
    s: Session,
    national: NationalPlan,
    actions: list[Choice[int]],
    items: list[Any] | Any,
    item: Item,
    *,
    new: bool,
) -> list[Field]:
    suggested: dict[str, str | None] = {"title": None, "description": None}

    def current() -> list[int]:
        return [int(n) for n in item.get("actions") or []]

    def primary() -> int | None:
        listed = current()
        return listed[0] if listed else None

    def ask_primary() -> None:
        listed = current()
        chosen = s.prompter.select(msg.ASK_MEASURE_PRIMARY_EDIT, actions, default=primary())
        s.set(item, Measure, "actions", [chosen, *[n for n in listed if n != chosen]])

    def ask_others() -> None:
        first = primary()
        if not s.full or first is None:
            return
        others = s.prompter.checkbox(
            msg.ASK_MEASURE_OTHER_ACTIONS,
            [c for c in actions if c.value != first],
            defaults=[n for n in current() if n != first],
        )
        s.set(item, Measure, "actions", [first, *others])

    def ask_start_point() -> None:
        first = primary()
        action = national.action(first) if first is not None else None
        if not new or action is None or not action.typical_measures:
            return
        starts: list[Choice[int | None]] = [
            Choice(t.title, i, t.description) for i, t in enumerate(action.typical_measures)
        ]
        starts.append(Choice(msg.OWN_MEASURE, None))
        pick = s.prompter.select(
            msg.ASK_MEASURE_START_POINT.format(number=action.number, label=action.label),
            starts,
            default=0,
        )
        typical = action.typical_measures[pick] if pick is not None else None
        suggested["title"] = typical.title if typical is not None else None
        suggested["description"] = typical.description if typical is not None else None

    def ask_title() -> None:
        s.ask_text(
            item, Measure, "title", msg.ASK_MEASURE_TITLE, required=True, default=suggested["title"]
        )

    def ask_description() -> None:
        s.ask_text(
            item,
            Measure,
            "description",
            msg.ASK_MEASURE_DESCRIPTION,
            multiline=True,
            default=suggested["description"],
        )

    def ask_objective() -> None:
        if not s.full:
            return
        first = primary()
        action = national.action(first) if first is not None else None
        s.ask_text(
            item,
            Measure,
            "objective",
            msg.ASK_MEASURE_OBJECTIVE,
            default=action.expected_result if new and action is not None else None,
        )

    def ask_needs() -> None:
        needs = s.items("needs")
        if not needs:
            return
        need_choices = [Choice(_need_label(s, n), str(n.get("id"))) for n in needs]
        first = primary()
        defaults = (
            [
                str(n.get("id"))
                for n in needs
                if first in national.need_area_actions.get(str(n.get("area")), ())
            ]
            if new
            else []
        )
        s.ask_checkbox(
            item, Measure, "needs", msg.ASK_MEASURE_NEEDS, need_choices, defaults=defaults
        )

    def ask_objectives() -> None:
        strategy = s.data.get("strategy")
        listed = (
            strategy.get("specific_objectives") if isinstance(strategy, MutableMapping) else None
        )
        objectives = [o for o in listed or [] if isinstance(o, MutableMapping) and o.get("id")]
        if not objectives:
            return
        choices = [
            Choice(f"{o.get('id')} {_short(show_value(o.get('text')))}", str(o.get("id")))
            for o in objectives
        ]
        s.ask_checkbox(item, Measure, "specific_objectives", msg.ASK_MEASURE_OBJECTIVES, choices)

    def ask_sustainability() -> None:
        if s.full:
            s.ask_text(item, Measure, "sustainability", msg.ASK_MEASURE_SUSTAINABILITY)

    def comune_id() -> str | None:
        return next(
            (str(x.get("id")) for x in s.items("stakeholders") if x.get("type") == "comune"),
            None,
        )

    def ask_lead() -> None:
        actors = s.stakeholder_choices()
        if actors:
            leads: list[Choice[str | None]] = [*actors, Choice(msg.UNDECIDED, None)]
            s.ask_select(item, Measure, "lead", msg.ASK_MEASURE_LEAD, leads, default=comune_id())

    def ask_partners() -> None:
        actors = s.stakeholder_choices()
        if actors and s.full:
            lead = item.get("lead")
            s.ask_checkbox(
                item,
                Measure,
                "partners",
                msg.ASK_MEASURE_PARTNERS,
                [c for c in actors if c.value != lead],
            )

    def inside(name: str) -> Callable[[Any], str | None]:
        def rule(value: Any) -> str | None:
            candidate = s.plain()
            measure = plain(item)
            measure[name] = value
            listed = candidate.setdefault("measures", [])
            index = next((i for i, x in enumerate(items) if x is item), None)
            if index is None:
                index = len(listed)
                listed.append(measure)
            else:
                listed[index] = measure
            return blocking_at(
                candidate,
                [("measures", index, name)],
                ["MEASURE_OUTSIDE_PERIOD", "END_BEFORE_START"],
            )

        return rule

    def ask_month(name: str, question: str) -> Callable[[], None]:
        def ask() -> None:
            start, end = s.period()
            s.ask_text(
                item,
                Measure,
                name,
                question,
                default=start if name == "start" else end,
                instruction=msg.MONTH_HINT,
                skip=msg.OPEN_HINT,
                rewrite=iso_months,
                extra=inside(name),
            )

        return ask

    def ask_season() -> None:
        # The full path only: most measures run all year (the essential path stays short).
        if s.full:
            s.ask_text(
                item,
                Measure,
                "months",
                msg.ASK_MEASURE_SEASON,
                instruction=msg.SEASON_HINT,
                read=read_season,
                show=month_names,
            )

    def ask_budget() -> None:
        budget(s, item)

    def ask_indicators() -> None:
        if s.full:
            indicators(s, item)

    def ask_risks() -> None:
        if s.full:
            risks(s, item)

    def shown_actions() -> str:
        return msg.LIST_SEPARATOR.join(str(n) for n in current())

    def shown_budget() -> str:
        lines = [x for x in item.get("budget") or [] if isinstance(x, MutableMapping)]
        return msg.LIST_SEPARATOR.join(budget_label(s, x) for x in lines)

    def shown_names(key: str, name: str) -> Callable[[], str]:
        def shown() -> str:
            listed = [x for x in item.get(key) or [] if isinstance(x, MutableMapping)]
            return msg.LIST_SEPARATOR.join(show_value(x.get(name)) for x in listed)

        return shown

    return [
        Field(msg.FIELD_PRIMARY_ACTION, ask_primary, lambda: show_value(primary())),
        Field(msg.FIELD_ACTIONS, ask_others, shown_actions),
        Field(None, ask_start_point),
        Field(msg.FIELD_TITLE, ask_title, _shown(item, "title")),
        Field(msg.FIELD_DESCRIPTION, ask_description, _shown(item, "description")),
        Field(msg.FIELD_OBJECTIVE, ask_objective, _shown(item, "objective")),
        Field(msg.FIELD_NEEDS, ask_needs, _shown(item, "needs")),
        Field(msg.FIELD_SPECIFIC_OBJECTIVES, ask_objectives, _shown(item, "specific_objectives")),
        Field(msg.FIELD_LEAD, ask_lead, s.shown_actors(item, "lead")),
        Field(msg.FIELD_PARTNERS, ask_partners, s.shown_actors(item, "partners")),
        Field(msg.FIELD_START, ask_month("start", msg.ASK_MEASURE_START), _shown(item, "start")),
        Field(msg.FIELD_END, ask_month("end", msg.ASK_MEASURE_END), _shown(item, "end")),
        Field(msg.FIELD_SEASON, ask_season, lambda: month_names(item.get("months") or [])),
        Field(msg.FIELD_BUDGET, ask_budget, shown_budget),
        Field(msg.FIELD_INDICATORS, ask_indicators, shown_names("indicators", "name")),
        Field(msg.FIELD_RISKS, ask_risks, shown_names("risks", "risk")),
        Field(msg.FIELD_SUSTAINABILITY, ask_sustainability, _shown(item, "sustainability")),
    ]
