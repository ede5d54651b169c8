"""Sections about the plan's strategy and how it was built: objectives, the participatory
path (tables, bilateral meetings, the public assembly)."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from incas_cli.messages import vocab
from incas_cli.messages import wizard as msg
from incas_cli.models.plan import Meeting, Plan, Process, SpecificObjective, Strategy
from incas_cli.wizard.answers import existing_day, iso_date
from incas_cli.wizard.core import Session, next_number_id, show_value, term_choices
from incas_cli.wizard.form import Field
from incas_cli.wizard.lists import FIX, ListSpec, Opening, ask_opener, edit_list
from incas_cli.wizard.prompter import Choice
from incas_cli.wizard.tree import child_list, child_map, keys_of, new_map

TOP = keys_of(Plan)
Item = MutableMapping[str, Any]


def _shown(item: Item, key: str) -> Any:
    return lambda: show_value(item.get(key))


# --- strategia ----------------------------------------------------------------------------


def strategy_step(s: Session) -> list[Field]:
    """The general objective; on the complete path, the specific objectives by axis."""
    strategy = child_map(s.data, "strategy", TOP)

    def ask_general() -> None:
        s.ask_text(
            strategy,
            Strategy,
            "general_objective",
            msg.ASK_GENERAL_OBJECTIVE,
            instruction=msg.GENERAL_OBJECTIVE_HINT,
        )

    def ask_specific() -> None:
        if s.full or strategy.get("specific_objectives"):
            _specific_objectives(s, strategy)

    def tidy() -> None:
        if not strategy and "strategy" in s.data:
            del s.data["strategy"]

    return [Field(None, ask_general), Field(None, ask_specific), Field(None, tidy)]


def _axes(s: Session) -> list[Choice[str | None]]:
    info = s.data.get("plan")
    plan_id = info.get("national_plan") if isinstance(info, MutableMapping) else None
    national = (s.catalog.national_plan(str(plan_id)) if plan_id else None) or (
        s.catalog.default_plan
    )
    choices: list[Choice[str | None]] = [Choice(a.label, a.id) for a in national.axes]
    choices.append(Choice(msg.UNDECIDED, None))
    return choices


def _specific_objectives(s: Session, strategy: Item) -> None:
    objectives = child_list(strategy, "specific_objectives", keys_of(Strategy))
    axes = _axes(s)

    def fields(item: Item, new: bool) -> list[Field]:
        def ask_text() -> None:
            s.ask_text(item, SpecificObjective, "text", msg.ASK_OBJECTIVE_TEXT, required=True)

        def ask_axis() -> None:
            s.ask_select(item, SpecificObjective, "axis", msg.ASK_OBJECTIVE_AXIS, axes)

        return [
            Field(msg.FIELD_DESCRIPTION, ask_text, _shown(item, "text")),
            Field(msg.FIELD_AXIS, ask_axis, _shown(item, "axis")),
        ]

    def opener(opening: Opening) -> Item | str | None:
        item = new_map()
        taken = [str(x.get("id")) for x in objectives if isinstance(x, MutableMapping)]
        s.set(item, SpecificObjective, "id", next_number_id("OS", taken))
        text = s.ask_text(
            item,
            SpecificObjective,
            "text",
            msg.ASK_OBJECTIVE,
            instruction=msg.OBJECTIVE_EXAMPLE,
            skip=msg.ENTER_TO_FINISH,
        )
        return item if text is not None else None

    edit_list(
        s,
        objectives,
        ListSpec(
            menu=msg.MENU_OBJECTIVES,
            add=msg.MENU_ADD_OBJECTIVE,
            label=lambda item: f"{show_value(item.get('id'))} {show_value(item.get('text'))}",
            opener=opener,
            fields=fields,
            save_each=False,
        ),
    )
    if not objectives:
        del strategy["specific_objectives"]


# --- percorso partecipativo ---------------------------------------------------------------


def _meeting_label(item: Item) -> str:
    kind = vocab.MEETING_KINDS.get(str(item.get("kind")))
    parts = [show_value(item.get("date")), kind.label if kind else ""]
    parts.append(show_value(item.get("table")))
    return " ".join(p for p in parts if p) or msg.NOUN_MEETING


def process_step(s: Session) -> list[Field]:
    """The meetings of the participatory path: date, kind, table, participants, summary."""
    process = child_map(s.data, "process", TOP)
    meetings = child_list(process, "meetings", keys_of(Process))
    kinds = term_choices(vocab.MEETING_KINDS)

    def tables() -> list[Item]:
        gov = s.data.get("governance")
        listed = gov.get("tables") if isinstance(gov, MutableMapping) else None
        return [t for t in listed or [] if isinstance(t, MutableMapping) and t.get("name")]

    def fields(item: Item, new: bool) -> list[Field]:
        def ask_kind() -> None:
            s.ask_select(item, Meeting, "kind", msg.ASK_MEETING_KIND_EDIT, kinds)

        def ask_date() -> None:
            s.ask_text(
                item,
                Meeting,
                "date",
                msg.ASK_MEETING_DATE,
                instruction=msg.DATE_HINT,
                rewrite=iso_date,
                read=existing_day,
            )

        def ask_table() -> None:
            if item.get("kind") != "tavolo":
                return
            named = tables()
            if named:
                choices: list[Choice[str | None]] = [
                    Choice(show_value(t.get("name")), show_value(t.get("name"))) for t in named
                ]
                choices.append(Choice(msg.UNDECIDED, None))
                s.ask_select(item, Meeting, "table", msg.ASK_MEETING_TABLE, choices)
            else:
                s.ask_text(item, Meeting, "table", msg.ASK_MEETING_TABLE_TEXT)

        def ask_participants() -> None:
            actors = s.stakeholder_choices()
            if not actors:
                return
            table = next((t for t in tables() if t.get("name") == item.get("table")), None)
            defaults = list(table.get("members") or []) if table is not None else []
            s.ask_checkbox(
                item,
                Meeting,
                "participants",
                msg.ASK_MEETING_PARTICIPANTS,
                actors,
                defaults=defaults,
            )

        def ask_summary() -> None:
            s.ask_text(item, Meeting, "summary", msg.ASK_MEETING_SUMMARY, multiline=True)

        def shown_kind() -> str:
            kind = vocab.MEETING_KINDS.get(str(item.get("kind")))
            return kind.label if kind else ""

        return [
            Field(msg.FIELD_KIND, ask_kind, shown_kind),
            Field(msg.FIELD_DATE, ask_date, _shown(item, "date")),
            Field(msg.FIELD_TABLE, ask_table, _shown(item, "table")),
            Field(msg.FIELD_PARTICIPANTS, ask_participants, s.shown_actors(item, "participants")),
            Field(msg.FIELD_SUMMARY, ask_summary, _shown(item, "summary")),
        ]

    def opener(opening: Opening) -> Item | str | None:
        kind = ask_opener(s, opening, msg.ASK_MEETING_KIND, msg.NO_MORE_MEETINGS, kinds)
        if kind is None or kind == FIX:
            return kind
        item = new_map()
        s.set(item, Meeting, "kind", kind)
        return item

    spec = ListSpec(
        menu=msg.MENU_MEETINGS,
        add=msg.MENU_ADD_MEETING,
        label=_meeting_label,
        opener=opener,
        fields=fields,
        key="meetings",
        noun=msg.NOUN_MEETING,
    )

    def ask_list() -> None:
        edit_list(s, meetings, spec)

    def tidy() -> None:
        if not meetings and "meetings" in process:
            del process["meetings"]
        if not process and "process" in s.data:
            del s.data["process"]

    return [Field(msg.SECTION_LABELS["percorso"], ask_list), Field(None, tidy)]
