"""Sections about the work: the needs and the measures that answer them."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from incas_cli.catalog import NationalPlan
from incas_cli.messages import vocab
from incas_cli.messages import wizard as msg
from incas_cli.models.plan import BudgetLine, Indicator, Measure, Need, Plan, Risk
from incas_cli.wizard.answers import iso_months
from incas_cli.wizard.checking import blocking_at
from incas_cli.wizard.core import Session, next_number_id, show_value, term_choices
from incas_cli.wizard.lists import ListSpec, edit_list
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


def needs_step(s: Session) -> None:
    """The needs: area, description, evidence, target group, people, severity, urgency."""
    items = child_list(s.data, "needs", TOP)
    areas = [Choice(a.label, a.id, a.description) for a in s.catalog.need_areas.values()]

    def fields(item: Item) -> None:
        s.ask_text(item, Need, "description", msg.ASK_NEED_DESCRIPTION, required=True)
        if s.full:
            s.ask_text(
                item, Need, "evidence", msg.ASK_NEED_EVIDENCE, instruction=msg.EVIDENCE_EXAMPLE
            )
            s.ask_text(item, Need, "source", msg.ASK_NEED_SOURCE)
            s.ask_text(
                item, Need, "target_group", msg.ASK_NEED_TARGET, instruction=msg.TARGET_EXAMPLE
            )
            s.ask_text(
                item, Need, "people", msg.ASK_NEED_PEOPLE, skip=msg.UNKNOWN_HINT, number=True
            )
        s.ask_text(item, Need, "severity", msg.ASK_NEED_SEVERITY, instruction=msg.SCORE_HINT)
        s.ask_text(item, Need, "urgency", msg.ASK_NEED_URGENCY, instruction=msg.SCORE_HINT)

    def add_one() -> bool:
        choices: list[Choice[str | None]] = [
            Choice(msg.NO_MORE_NEEDS, None, searchable=False),
            *areas,
        ]
        area = s.prompter.select(msg.ASK_NEED_AREA, choices, default=None)
        if area is None:
            return False
        item = new_map()
        taken = [str(x.get("id")) for x in s.items("needs")]
        s.set(item, Need, "id", next_number_id("N", taken))
        s.set(item, Need, "area", area)
        fields(item)
        items.append(item)
        return True

    def edit_one(item: Item) -> None:
        s.ask_select(item, Need, "area", msg.ASK_NEED_AREA_EDIT, areas)
        fields(item)

    edit_list(
        s,
        items,
        ListSpec(
            menu=msg.MENU_NEEDS,
            add=msg.MENU_ADD_NEED,
            label=lambda item: _need_label(s, item),
            add_one=add_one,
            edit_one=edit_one,
            deleted=lambda item: references(s, "need", str(item.get("id"))),
        ),
    )
    if not items:
        del s.data["needs"]


# --- measures -----------------------------------------------------------------------------


def _national(s: Session) -> NationalPlan:
    info = s.data.get("plan")
    plan_id = info.get("national_plan") if isinstance(info, MutableMapping) else None
    found = s.catalog.national_plan(str(plan_id)) if plan_id else None
    return found or s.catalog.default_plan


def _measure_label(item: Item) -> str:
    return f"{show_value(item.get('id'))} {_short(show_value(item.get('title')))}".strip()


def measures_step(s: Session) -> None:
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

    def add_one() -> bool:
        choices: list[Choice[int | None]] = [
            Choice(msg.NO_MORE_MEASURES, None, searchable=False),
            *actions,
        ]
        primary = s.prompter.select(msg.ASK_MEASURE_PRIMARY, choices, default=None)
        if primary is None:
            return False
        item = new_map()
        taken = [str(x.get("id")) for x in s.items("measures")]
        s.set(item, Measure, "id", next_number_id("M", taken))
        _measure_fields(s, national, actions, item, primary, index=len(items), new=True)
        items.append(item)
        return True

    def edit_one(item: Item) -> None:
        current = item.get("actions") or []
        primary = s.prompter.select(
            msg.ASK_MEASURE_PRIMARY_EDIT, actions, default=current[0] if current else None
        )
        index = next(i for i, x in enumerate(items) if x is item)
        _measure_fields(s, national, actions, item, primary, index=index, new=False)

    edit_list(
        s,
        items,
        ListSpec(
            menu=msg.MENU_MEASURES,
            add=msg.MENU_ADD_MEASURE,
            label=_measure_label,
            add_one=add_one,
            edit_one=edit_one,
        ),
    )
    if not items:
        del s.data["measures"]


def _measure_fields(
    s: Session,
    national: NationalPlan,
    actions: list[Choice[int]],
    item: Item,
    primary: int,
    *,
    index: int,
    new: bool,
) -> None:
    action = national.action(primary)
    current = [int(n) for n in item.get("actions") or []]
    others = [n for n in current if n != primary]
    if s.full:
        others = s.prompter.checkbox(
            msg.ASK_MEASURE_OTHER_ACTIONS,
            [c for c in actions if c.value != primary],
            defaults=others,
        )
    s.set(item, Measure, "actions", [primary, *others])

    title_default: str | None = None
    description_default: str | None = None
    if new and action is not None and action.typical_measures:
        starts: list[Choice[int | None]] = [
            Choice(t.title, i, t.description) for i, t in enumerate(action.typical_measures)
        ]
        starts.append(Choice(msg.OWN_MEASURE, None))
        pick = s.prompter.select(
            msg.ASK_MEASURE_START_POINT.format(number=action.number, label=action.label),
            starts,
            default=0,
        )
        if pick is not None:
            typical = action.typical_measures[pick]
            title_default, description_default = typical.title, typical.description
    s.ask_text(item, Measure, "title", msg.ASK_MEASURE_TITLE, required=True, default=title_default)
    s.ask_text(
        item,
        Measure,
        "description",
        msg.ASK_MEASURE_DESCRIPTION,
        multiline=True,
        default=description_default,
    )
    if s.full:
        s.ask_text(
            item,
            Measure,
            "objective",
            msg.ASK_MEASURE_OBJECTIVE,
            default=action.expected_result if new and action is not None else None,
        )

    needs = s.items("needs")
    if needs:
        need_choices = [Choice(_need_label(s, n), str(n.get("id"))) for n in needs]
        usual = [str(n.get("area")) for n in needs]
        defaults = (
            [
                str(n.get("id"))
                for n, area in zip(needs, usual, strict=True)
                if primary in national.need_area_actions.get(area, ())
            ]
            if new
            else []
        )
        s.ask_checkbox(
            item, Measure, "needs", msg.ASK_MEASURE_NEEDS, need_choices, defaults=defaults
        )

    actors = s.stakeholder_choices()
    if actors:
        comune_id = next(
            (str(x.get("id")) for x in s.items("stakeholders") if x.get("type") == "comune"),
            None,
        )
        leads: list[Choice[str | None]] = [*actors, Choice(msg.UNDECIDED, None)]
        lead = s.ask_select(item, Measure, "lead", msg.ASK_MEASURE_LEAD, leads, default=comune_id)
        if s.full:
            s.ask_checkbox(
                item,
                Measure,
                "partners",
                msg.ASK_MEASURE_PARTNERS,
                [c for c in actors if c.value != lead],
            )

    start, end = s.period()

    def inside(name: str) -> Any:
        def rule(value: Any) -> str | None:
            candidate = s.plain()
            measure = plain(item)
            measure[name] = value
            listed = candidate.setdefault("measures", [])
            if new:
                listed.append(measure)
            else:
                listed[index] = measure
            return blocking_at(
                candidate,
                [("measures", index, name)],
                ["MEASURE_OUTSIDE_PERIOD", "END_BEFORE_START"],
            )

        return rule

    s.ask_text(
        item,
        Measure,
        "start",
        msg.ASK_MEASURE_START,
        default=start,
        instruction=msg.MONTH_HINT,
        skip=msg.OPEN_HINT,
        rewrite=iso_months,
        extra=inside("start"),
    )
    s.ask_text(
        item,
        Measure,
        "end",
        msg.ASK_MEASURE_END,
        default=end,
        instruction=msg.MONTH_HINT,
        skip=msg.OPEN_HINT,
        rewrite=iso_months,
        extra=inside("end"),
    )
    _budget(s, item)
    if s.full:
        _indicators(s, item)
        _risks(s, item)


def _budget(s: Session, measure: Item) -> None:
    lines = child_list(measure, "budget", keys_of(Measure))
    sources: list[Choice[str]] = [
        Choice(f.label, f.id, f.description) for f in s.catalog.funding_sources.values()
    ]
    sources.append(Choice(msg.OWN_SOURCE, _OWN_SOURCE))

    def fields(line: Item) -> None:
        current = line.get("source")
        known = current is not None and str(current) in s.catalog.funding_sources
        default = str(current) if known else (_OWN_SOURCE if current else None)
        picked = s.prompter.select(msg.ASK_BUDGET_SOURCE, sources, default=default)
        if picked == _OWN_SOURCE:
            s.ask_text(line, BudgetLine, "source", msg.ASK_BUDGET_SOURCE_TEXT, required=True)
        else:
            s.set(line, BudgetLine, "source", picked)
        if s.full:
            s.ask_text(line, BudgetLine, "note", msg.ASK_BUDGET_NOTE)

    def add_one() -> bool:
        line = new_map()
        amount = s.ask_text(
            line,
            BudgetLine,
            "amount",
            msg.ASK_BUDGET_AMOUNT,
            number=True,
            instruction=msg.AMOUNT_HINT,
            skip=msg.AMOUNT_SKIP,
        )
        if amount is None:
            return False
        fields(line)
        lines.append(line)
        return True

    def edit_one(line: Item) -> None:
        s.ask_text(
            line,
            BudgetLine,
            "amount",
            msg.ASK_BUDGET_AMOUNT_EDIT,
            number=True,
            instruction=msg.AMOUNT_HINT,
            skip=msg.AMOUNT_SKIP,
        )
        fields(line)

    if s.full or lines:
        edit_list(
            s,
            lines,
            ListSpec(
                menu=msg.MENU_BUDGET,
                add=msg.MENU_ADD_BUDGET,
                label=lambda line: msg.BUDGET_LABEL.format(
                    amount=show_value(line.get("amount")), source=show_value(line.get("source"))
                ),
                add_one=add_one,
                edit_one=edit_one,
                save_each=False,
            ),
        )
    else:  # the essential path asks for one line at most
        add_one()
    if not lines:
        del measure["budget"]


def _indicators(s: Session, measure: Item) -> None:
    indicators = child_list(measure, "indicators", keys_of(Measure))
    kinds = term_choices(vocab.INDICATOR_KINDS, undecided=True)

    def fields(item: Item) -> None:
        name = show_value(item.get("name"))
        s.ask_select(item, Indicator, "kind", msg.ASK_INDICATOR_KIND.format(name=name), kinds)
        s.ask_text(item, Indicator, "unit", msg.ASK_INDICATOR_UNIT.format(name=name))
        s.ask_text(
            item,
            Indicator,
            "baseline",
            msg.ASK_INDICATOR_BASELINE.format(name=name),
            skip=msg.UNKNOWN_HINT,
            number=True,
        )
        s.ask_text(
            item, Indicator, "target", msg.ASK_INDICATOR_TARGET.format(name=name), number=True
        )
        s.ask_text(item, Indicator, "verification", msg.ASK_INDICATOR_VERIFICATION)

    def add_one() -> bool:
        item = new_map()
        name = s.ask_text(
            item,
            Indicator,
            "name",
            msg.ASK_INDICATOR_NAME,
            instruction=msg.INDICATOR_EXAMPLE,
            skip=msg.ENTER_TO_FINISH,
        )
        if name is None:
            return False
        fields(item)
        indicators.append(item)
        return True

    def edit_one(item: Item) -> None:
        s.ask_text(item, Indicator, "name", msg.ASK_INDICATOR_NAME_EDIT, required=True)
        fields(item)

    edit_list(
        s,
        indicators,
        ListSpec(
            menu=msg.MENU_INDICATORS,
            add=msg.MENU_ADD_INDICATOR,
            label=lambda item: show_value(item.get("name")),
            add_one=add_one,
            edit_one=edit_one,
            save_each=False,
        ),
    )
    if not indicators:
        del measure["indicators"]


def _risks(s: Session, measure: Item) -> None:
    risks = child_list(measure, "risks", keys_of(Measure))

    def add_one() -> bool:
        item = new_map()
        if s.ask_text(item, Risk, "risk", msg.ASK_RISK, skip=msg.ENTER_TO_FINISH) is None:
            return False
        s.ask_text(item, Risk, "mitigation", msg.ASK_RISK_MITIGATION)
        risks.append(item)
        return True

    def edit_one(item: Item) -> None:
        s.ask_text(item, Risk, "risk", msg.ASK_RISK_EDIT, required=True)
        s.ask_text(item, Risk, "mitigation", msg.ASK_RISK_MITIGATION)

    edit_list(
        s,
        risks,
        ListSpec(
            menu=msg.MENU_RISKS,
            add=msg.MENU_ADD_RISK,
            label=lambda item: _short(show_value(item.get("risk"))),
            add_one=add_one,
            edit_one=edit_one,
            save_each=False,
        ),
    )
    if not risks:
        del measure["risks"]
